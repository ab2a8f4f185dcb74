#!/usr/bin/env bash
# Usage: test-package.sh BUILD_DIR
# Builds the Debian package from a built tree with CPack, runs lintian on it (errors fail), unpacks it
# into an empty root and runs the unpacked annorev against the system's libraries: --version, check
# on the installed sample batch (the findings tests/data/samples.check.txt records), and the review
# store, which needs the Qt SQLite driver the package depends on.
set -euo pipefail
build=$(realpath "$1")
source_dir=$(realpath "$(dirname "$0")/..")
status=0
fail() { echo "test-package: $*" >&2; status=1; }

for tool in cpack dpkg-deb dpkg-shlibdeps lintian desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || { echo "test-package: $tool is missing; run packaging/install-build-deps.sh" >&2; exit 1; }
done

out="$build/package"
rm -rf "$out"
cpack --config "$build/CPackConfig.cmake" -B "$out" >"$out.log" 2>&1 || { cat "$out.log" >&2; exit 1; }
debs=("$out"/*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || { echo "test-package: expected one .deb in $out" >&2; exit 1; }
deb=${debs[0]}
version=$(dpkg-deb --field "$deb" Version)
[[ $(basename "$deb") == "annorev_${version}_amd64.deb" ]] || fail "unexpected file name $(basename "$deb")"
echo "== $(basename "$deb")"
dpkg-deb --field "$deb" Package Version Architecture Section Maintainer Homepage Depends Recommends

depends=$(dpkg-deb --field "$deb" Depends)
for package in libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6sql6-sqlite; do
    grep -qE "(^|, )$package( |,|$)" <<<"$depends" || fail "Depends lacks $package"
done

echo "== lintian"
# Errors fail the test; the warnings that remain are listed in the README.
lintian --fail-on error --no-tag-display-limit "$deb" || fail "lintian found errors"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb --extract "$deb" "$root"

echo "== contents"
for file in \
    usr/bin/annorev \
    usr/share/applications/org.annorev.Annorev.desktop \
    usr/share/metainfo/org.annorev.Annorev.metainfo.xml \
    usr/share/mime/packages/org.annorev.Annorev.xml \
    usr/share/icons/hicolor/scalable/apps/org.annorev.Annorev.svg \
    usr/share/icons/hicolor/{16x16,32x32,48x48,64x64,128x128,256x256}/apps/org.annorev.Annorev.png \
    usr/share/man/man1/annorev.1.gz \
    usr/share/doc/annorev/copyright \
    usr/share/doc/annorev/changelog.gz \
    usr/share/annorev/samples/00{0_fb52d27db3b8b6ee,1_1d6e54ff941a55a9,2_f429afe5dd9093a8,3_2b600daee4a931dd,4_777d6b4e246e2bc8}.txt; do
    [[ -f $root/$file ]] || fail "the package lacks /$file"
done
# Only the application: no test or benchmark programs, no headers or libraries.
extra=$(cd "$root" && find . -type f | grep -vE '^\./usr/(bin/annorev|share/(applications|metainfo|mime|icons|man|doc|annorev)/)') || true
[[ -z $extra ]] || fail "unexpected files in the package:"$'\n'"$extra"
for size in 16 32 48 64 128 256; do
    file "$root/usr/share/icons/hicolor/${size}x${size}/apps/org.annorev.Annorev.png" | grep -q "PNG image data, $size x $size," \
        || fail "the ${size}x${size} icon is not a ${size}x${size} PNG"
done
desktop-file-validate "$root/usr/share/applications/org.annorev.Annorev.desktop" || fail "desktop-file-validate"
# validate-tree also checks that the metainfo's launchable names a desktop file of the package.
appstreamcli validate-tree --no-net "$root" >/dev/null || fail "appstreamcli validate-tree"

echo "== installed annorev"
run() { env -u LD_LIBRARY_PATH -u QT_PLUGIN_PATH "$root/usr/bin/annorev" "$@"; }
[[ $(run --version) == "annorev $version" ]] || fail "annorev --version does not print annorev $version"
run --version

findings=$(cd "$root/usr/share/annorev" && env -u LD_LIBRARY_PATH -u QT_PLUGIN_PATH ../../bin/annorev check samples) \
    || fail "annorev check on the installed samples exited $?"
diff -u "$source_dir/tests/data/samples.check.txt" - <<<"$findings" || fail "unexpected findings on the installed samples"
tail -n 1 <<<"$findings"

# The review store goes through Qt's SQLite driver plugin, which only the package's Depends provides.
cp -r "$root/usr/share/annorev/samples" "$root/batch"
run mark --status approved --reviewer ci "$root/batch" 000_fb52d27db3b8b6ee.txt >/dev/null || fail "annorev mark"
run status "$root/batch" | grep -qE '^ *approved *1$' || { run status "$root/batch" >&2; fail "annorev status"; }

if ((status == 0)); then
    echo "test-package: $(basename "$deb") passed"
fi
exit $status
