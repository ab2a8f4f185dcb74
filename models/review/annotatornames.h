#pragma once

#include <QStringList>

namespace annorev {

// Who the annotators of several batches are, as `adjudicate` and the comparison panel name them:
// each batch's file name without its suffix (alice.jsonl is alice, a folder its name), or, when
// two would share a name, the paths as given.
namespace AnnotatorNames {

QStringList of(const QStringList &batches);

} // namespace AnnotatorNames

} // namespace annorev
