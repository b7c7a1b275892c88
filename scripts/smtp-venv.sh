#!/usr/bin/env bash
# Makes target/smtp-venv, the Python venv of the SMTP test server
# (tests/smtp/server.py, run by tests/it/smtp.rs): aiosmtpd, and
# cryptography for its test certificates, at the versions pinned in
# tests/smtp/requirements.txt. Needs python3 with venv (Debian:
# python3-venv; .ci/run installs it). Run again after the requirements
# change; a venv whose Python is gone is made anew. Prints the interpreter
# to give the tests as KRING_TEST_PYTHON (the default path needs none).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/smtp-venv
"$venv/bin/python" -c '' 2>/dev/null || python3 -m venv --clear "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r tests/smtp/requirements.txt
"$venv/bin/python" -c 'import aiosmtpd, cryptography; print("aiosmtpd", aiosmtpd.__version__, "cryptography", cryptography.__version__)' >&2
echo "$PWD/$venv/bin/python"
