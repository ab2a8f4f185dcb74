#pragma once

#include <QByteArray>
#include <QString>

namespace annorev::Console {

// Unbuffered-by-line writes to the standard streams, as bytes (output is UTF-8 whatever the locale).
void out(const QByteArray &bytes);
void err(const QByteArray &bytes);
void error(const QString &message);  // "annorev: error: message\n" on stderr
void flush();
// A value as one line of text output: \\, \n, \r, \t, and \uXXXX for other control characters
// and U+2028/U+2029 (log and tag print ids, notes and hit texts so).
QByteArray escaped(const QString &value);

} // namespace annorev::Console
