#pragma once

// A JSON Lines batch of many short documents, for tests of what happens part way through reading
// or importing a batch: enough documents for several of the sync's slices.

#include "testsupport.h"

#include <QByteArray>
#include <QString>

namespace annorev::test {

// The document of line number (from 0): a model, its hardware, GPU count and training time.
inline QByteArray largeBatchLine(qsizetype number)
{
    const QByteArray n = QByteArray::number(number);
    return "{\"id\": \"doc-" + n + "\", \"text\": \"<model>Model-" + n +
           "</model> was trained on <gpu_count>512</gpu_count> <hardware>NVIDIA A100</hardware> GPUs for "
           "<training>21 days</training> in <country>Canada</country> in <year>2023</year>.\"}\n";
}

// A JSON Lines document of its own: this id, and a text naming one model after it.
inline QByteArray modelLine(const char *id)
{
    QByteArray json = R"({"id": ")";
    json.append(id).append(R"(", "text": "Meet <model>)").append(id).append("-1B</model>.\"}\n");
    return json;
}

// Writes lines [0, count) of the batch to path.
inline void writeLargeBatch(const QString &path, qsizetype count)
{
    QByteArray bytes;
    for (qsizetype i = 0; i < count; ++i) {
        bytes += largeBatchLine(i);
    }
    writeFile(path, bytes);
}

} // namespace annorev::test
