#pragma once

#include <QMainWindow>

namespace annorev {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace annorev
