#!/usr/bin/env bash
# Installs the Debian 12 (bookworm) packages that building annorev and running its tests need.
# Installs only what is missing; uses sudo when not run as root.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libgl-dev
    # The window's dashboard (ui/dashboarddialog.cpp); libqt6charts6 follows it, and the .deb
    # depends on it through dpkg-shlibdeps. Qt6ChartsConfig.cmake needs Qt6OpenGL's CMake files,
    # which bookworm's qt6-charts-dev does not pull in.
    qt6-charts-dev libqt6opengl6-dev
    libqt6sql6-sqlite
    # Team batches on a PostgreSQL server (models/store/postgres/): Qt's QPSQL driver; the team
    # tests start a PostgreSQL 15 cluster of their own (tests/team/pgcluster.sh).
    libqt6sql6-psql postgresql-15
    # A team import sends its rows with COPY through libpq itself (models/store/postgres/postgrescopy.cpp).
    libpq-dev
    # The store sets SQLITE_FCNTL_PERSIST_WAL through SQLite's C API (models/store/).
    libsqlite3-dev
    libsimdjson-dev
    # The store's texts are Zstandard-compressed (models/store/textcodec.cpp).
    libzstd-dev
    time
    # Optional: CMake puts a compiler launcher in front of the compiler when CMAKE_CXX_COMPILER_LAUNCHER
    # is set, in the environment or the cache (README › Development); ccache is the one we use.
    ccache
    # The fuzz preset and the test command's fuzz smoke run (tests/fuzz/): clang with libFuzzer.
    clang-14 libclang-rt-14-dev
    # Packaging: icons, man page, the .deb and its checks (packaging/CMakeLists.txt).
    librsvg2-bin gzip groff-base dpkg-dev file
    desktop-file-utils appstream lintian
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "install-build-deps: run as root or install sudo" >&2; exit 1; }
    as_root=(sudo)
fi
echo "install-build-deps: installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
