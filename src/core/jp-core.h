/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-enums.h"
#include "jp-finding.h"
#include "jp-candidate.h"
#include "jp-election.h"
#include "jp-id-number.h"
#include "jp-validate.h"
#include "jp-csv.h"
#include "jp-roster.h"
#include "jp-dossier.h"
#include "jp-seats.h"
#include "jp-codes.h"
#include "jp-qualify.h"
#include "jp-settings.h"
#include "jp-member-rules.h"
#include "jp-round.h"
#include "jp-tally.h"
#include "jp-score.h"
#include "jp-defence.h"
#include "jp-likes.h"
#include "jp-ranking.h"
