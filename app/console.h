#pragma once

#include <QByteArray>
#include <QString>

namespace annorev::Console {

// Unbuffered-by-line writes to the standard streams, as bytes (output is UTF-8 whatever the locale).
void out(const QByteArray &bytes);
void err(const QByteArray &bytes);
void error(const QString &message);  // "annorev: error: message\n" on stderr
void flush();

} // namespace annorev::Console
