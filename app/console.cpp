#include "console.h"

#include <cstdio>

namespace annorev::Console {

void out(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
}

void err(const QByteArray &bytes)
{
    std::fflush(stdout);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
}

void error(const QString &message)
{
    err("annorev: error: " + message.toUtf8() + '\n');
}

void flush()
{
    std::fflush(stdout);
    std::fflush(stderr);
}

} // namespace annorev::Console
