#!/bin/sh
# Takes the README's screenshots (docs/images by default): starts a test Jenkins with the NetMind simulator and a few
# builds (src/test/java/io/jenkins/plugins/netmind/UiTourJenkinsTest.java) and photographs its pages with headless Chromium.
# Needs a JDK 21+ and Chromium on the PATH (Debian: apt-get install chromium). Extra Maven options go in MAVEN_ARGS;
# MVNW=.ci/mvnw-shared runs it where the Jenkins repository is not reachable (see README, Build and test).
set -eu
cd "$(dirname "$0")/../../.."
out="${1:-docs/images}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
# shellcheck disable=SC2086
${MVNW:-./mvnw} -B -ntp ${MAVEN_ARGS:-} -Dtest=UiTourJenkinsTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dnetmind.screenshots="$out" -Dspotbugs.skip -Dspotless.check.skip test
ls -l "$out"
