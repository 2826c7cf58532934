#!/usr/bin/env bash
# Build Reviewer as a one-folder, windowed app in dist/ and smoke-test what was built.
#
#     bash packaging/build.sh            (Linux, macOS, or Git Bash on Windows)
#
# It makes a clean virtual environment in build/package-venv, installs Reviewer from this checkout
# (not editable) with PyInstaller, builds packaging/reviewer.spec, then runs the built program:
# `--version`, and `--self-test` opening a sample letter offscreen on a throwaway library.
# PYTHON picks the interpreter (default python3). Nothing outside build/ and dist/ is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=build/package-venv
case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*) BIN=$VENV/Scripts; APP=dist/reviewer/Reviewer.exe; WINDOWED_NO_STDOUT=1 ;;
  Darwin) BIN=$VENV/bin; APP=dist/Reviewer.app/Contents/MacOS/Reviewer ;;
  *) BIN=$VENV/bin; APP=dist/reviewer/reviewer ;;
esac

echo "== clean environment ($VENV)"
rm -rf "$VENV" build/pyinstaller dist/reviewer dist/Reviewer.app
"$PYTHON" -m venv "$VENV"
"$BIN/python" -m pip install -q --upgrade pip
"$BIN/python" -m pip install -q . "pyinstaller>=6.10,<7"

echo "== PyInstaller"
"$BIN/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/reviewer.spec

echo "== smoke test: $APP"
version=$("$APP" --version 2>&1 || true)
expected="reviewer $("$BIN/python" -c 'import reviewer; print(reviewer.__version__)')"
if [ -n "${WINDOWED_NO_STDOUT:-}" ]; then
  # A windowed Windows program has no standard output: the exit code tells.
  "$APP" --version && version=$expected
fi
if [ "$version" != "$expected" ]; then
  echo "FAILED: '$APP --version' printed '$version', expected '$expected'" >&2
  exit 1
fi
echo "$version"
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$APP" --self-test sample_docs/thornbury_vale_2025_focused_visit.pdf
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$APP" --self-test sample_docs/kingsford_2025_committee_progress_report.txt

echo "== lean check"
folder=$(dirname "$APP")
[ "$(uname -s)" = Darwin ] && folder=dist/Reviewer.app
leaks=$(find "$folder" \( -name 'test_*.py' -o -name 'conftest.py' -o -iname '*QtQml*' -o -iname '*QtQuick*' \
  -o -iname '*QtWebEngine*' -o -name 'letters_annotations.json' \) | head -5)
if [ -n "$leaks" ]; then
  echo "FAILED: the build carries files it should not:" >&2
  echo "$leaks" >&2
  exit 1
fi
du -sh "$folder"
echo "built $folder"
