#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Jiangping authors
"""Writes the sample dossiers under data/samples/dossiers/ (standard library only)."""

import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "dossiers")


def id_number(body17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body17 + "10X98765432"[sum(int(c) * w for c, w in zip(body17, weights)) % 11]


def pdf(lines):
    """A one-page A4 PDF showing ASCII `lines` in Helvetica, with a correct xref."""
    text = "BT /F1 14 Tf 72 770 Td 18 TL " + " ".join(
        "(%s) '" % l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for l in lines
    ) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i, body)).encode("ascii")
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode("ascii")
    for off in offsets:
        out += ("%010d 00000 n \n" % off).encode("ascii")
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, xref)).encode("ascii")
    return out


def png(width, height, rgb):
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height, 9)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


SUMMARY = ("王建华同志扎根稀土冶炼一线二十六年，从学徒成长为高级技师。他主持的萃取工序优化项目，"
           "使稀土回收率提高两个百分点，年增效益八百余万元；他总结的“三看两控”操作法在全厂推广，"
           "连续五年实现班组安全生产零事故。作为技能大师工作室带头人，他先后培养徒弟三十余名，"
           "其中八人取得技师资格、两人在自治区职业技能大赛中获奖。他先后获得包头市五一劳动奖章、"
           "包头市技术能手等荣誉，是新时代包头产业工人的优秀代表，充分展现了精益求精、"
           "追求卓越的工匠精神。")

DEEDS = "\n\n".join([
    "一、立足岗位，练就过硬本领。" + "他坚持每天提前到岗巡检设备，记录工艺参数，" * 12,
    "二、攻坚克难，解决生产难题。" + "他带领攻关小组反复试验，优化萃取槽级配置，" * 12,
    "三、传技带徒，培养技能人才。" + "他把多年积累的操作经验整理成培训教材，" * 12,
    "四、爱岗敬业，发挥示范作用。" + "他始终把安全放在首位，带头执行操作规程，" * 12,
])


def sample(folder, name, id17, sex, unit, trade, criteria, evidence, extra_unlisted=None):
    base = os.path.join(OUT, folder)
    ev_lines = []
    for key, files in evidence.items():
        ev_lines.append("%s=%s" % (key, ";".join("evidence/" + f for f in files)))
        for f in files:
            write(os.path.join(base, "evidence", f), pdf(["Sample evidence: " + key, f.encode(
                "ascii", "replace").decode("ascii"), "For demonstration only."]))
    if extra_unlisted:
        write(os.path.join(base, "evidence", extra_unlisted),
              pdf(["An evidence file not listed in dossier.ini"]))
    ini = f"""[dossier]
format=1

[candidate]
name={name}
id_number={id_number(id17)}
sex={sex}
ethnicity=汉族
birth={id17[6:10]}-{id17[10:12]}
political=中共党员
education=大专
work_start=1997-07
employer=包头某稀土新材料有限公司
position=冶炼车间班长
work_type=稀土冶炼工
years_in_trade=26
skill_level=高级技师
phone=13800000000
union_member=是
criteria={criteria}
honours=2019年获包头市五一劳动奖章；2021年获包头市技术能手

[nomination]
unit={unit}
route=单位推荐
trade={trade}
fill_date=2023-03-05

[evidence]
""" + "\n".join(ev_lines) + "\n"
    write(os.path.join(base, "dossier.ini"), ini)
    write(os.path.join(base, "summary.txt"), SUMMARY.replace("王建华", name) + "\n")
    write(os.path.join(base, "deeds.txt"), DEEDS + "\n")
    for i, rgb in enumerate([(180, 90, 40), (60, 120, 180), (90, 160, 80)], 1):
        write(os.path.join(base, "photos", "%d.png" % i), png(64, 48, rgb))


if __name__ == "__main__":
    sample("王建华", "王建华", "15020219780412031", "男", "包头市稀土高新区总工会", "稀土", "1,4",
           {"1": ["劳模证书.pdf"], "4": ["技术攻关证明.pdf", "成果鉴定.pdf"],
            "no_criminal_record": ["无犯罪记录证明.pdf"]})
    sample("李秀梅", "李秀梅", "15020319850923002", "女", "包头钢铁（集团）有限责任公司工会",
           "冶金", "2", {"2": ["技能大赛获奖证书.pdf"],
                         "no_criminal_record": ["无犯罪记录证明.pdf"]},
           extra_unlisted="师带徒协议.pdf")
    print("wrote", OUT)
