#include "mainwindow.h"

namespace annorev {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {}

} // namespace annorev
