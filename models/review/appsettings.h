#pragma once

#include <QSettings>

namespace annorev {

// The user's annorev settings (window layout, recent batches, reviewer name, export choices …).
// Named explicitly rather than taken from QCoreApplication, so tests and tools that set no
// application name read the same file as the annorev executable.
QSettings appSettings();

} // namespace annorev
