#pragma once

#include <QByteArray>
#include <QString> // QStringBuilder: QByteArray concatenation

namespace annorev::bench {

// One block of a dense document: four spans in 152 bytes (a span every 38 bytes) and one finding,
// the model named again untagged. The blocks name a thousand models in turn, each with seven
// digits so that every block is as long. README's Speed › Long documents measures peak memory on
// such a document (annorev-benchscaling --write-dense), and tst_checkmemory guards it.
inline QByteArray denseBlock(qsizetype i)
{
    const QByteArray name =
        QByteArrayLiteral("M") + QByteArray::number(i % 1000).rightJustified(7, '0') + QByteArrayLiteral("-7B");
    return QByteArrayLiteral("<model>") + name + QByteArrayLiteral("</model> has <params>7B</params> parameters; ") +
           name + QByteArrayLiteral(" used <gpu_count>8</gpu_count> <hardware>NVIDIA A100</hardware> GPUs overall. ");
}

} // namespace annorev::bench
