#pragma once

#include "documentprofile.h"
#include "spotcheck.h"

#include <QStringList>

namespace annorev::SampleStrata {

// The stratum a document is sampled from, so that a stratified sample reaches the rare cases:
// - Label: its rarest label, the one the fewest of the profiled documents have a span of (ties
//   by name); "(no spans)" for a document without spans.
// - Rule: the rule of its most severe finding (ties: the rule `annorev rules` lists first);
//   "clean" for a document without findings.
// - None: one stratum, "".
QStringList of(const QList<DocumentProfile> &profiles, Stratify by);

inline const QString noSpans = QStringLiteral("(no spans)");
inline const QString clean = QStringLiteral("clean");

} // namespace annorev::SampleStrata
