#!/usr/bin/env bash
# Fetches LanguageTool (Russian and English modules, from Maven Central) and compiles GrammarCheck, for the
# render evaluation's grammar count only; the product never uses it. Output: tools/languagetool/{lib,classes}.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mvn -q -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$here/lib"
mkdir -p "$here/classes"
javac -encoding UTF-8 -cp "$here/lib/*" -d "$here/classes" "$here/GrammarCheck.java"
