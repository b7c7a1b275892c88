#!/usr/bin/env python3
"""A small SMTP client (smtplib) for the self-tests of tests/it/smtp.rs and
for trying the test server by hand. It sends one message and prints one
JSON line: {"ok": true} or {"ok": false, "stage": ..., "error": ...,
"code": ..., "reply": ...}. It exits 0 either way; 2 for bad arguments.

    send.py --port P [--security starttls|tls|none] [--ca CA.pem]
            [--user U --password PW [--mechanism PLAIN|LOGIN]] --from A --to B [--to C] [--timeout S]
            [--host 127.0.0.1] (--file MSG.eml | --subject S --body TEXT)

With --ca the server's certificate is checked against that CA (and the
host name); without it, against the system's roots.
"""

import argparse
import email.message
import json
import smtplib
import socket
import ssl
import sys


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--security", choices=["starttls", "tls", "none"], default="starttls")
    p.add_argument("--ca")
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--mechanism", choices=["PLAIN", "LOGIN"], default="PLAIN",
                   help="one AUTH mechanism (smtplib's login() would try each in turn)")
    p.add_argument("--from", dest="sender", required=True)
    p.add_argument("--to", action="append", required=True)
    p.add_argument("--timeout", type=float, default=10)
    p.add_argument("--file")
    p.add_argument("--subject", default="kring test")
    p.add_argument("--body", default="Hallo.\n")
    args = p.parse_args()

    if args.file:
        with open(args.file, "rb") as f:
            data = f.read()
    else:
        msg = email.message.EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = args.sender, ", ".join(args.to), args.subject
        msg.set_content(args.body)
        data = msg.as_bytes()

    context = ssl.create_default_context(cafile=args.ca)
    stage = "connect"
    try:
        if args.security == "tls":
            client = smtplib.SMTP_SSL(args.host, args.port, timeout=args.timeout, context=context)
        else:
            client = smtplib.SMTP(args.host, args.port, timeout=args.timeout)
        with client:
            stage = "ehlo"
            client.ehlo()
            if args.security == "starttls":
                stage = "starttls"
                client.starttls(context=context)
                client.ehlo()
            if args.user is not None:
                stage = "auth"
                if not client.has_extn("auth"):
                    raise smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server.")
                client.user, client.password = args.user, args.password or ""
                method = client.auth_plain if args.mechanism == "PLAIN" else client.auth_login
                client.auth(args.mechanism, method, initial_response_ok=True)
            stage = "mail"
            code, reply = client.mail(args.sender)
            if code != 250:
                return fail(stage, "refused", code, reply)
            for rcpt in args.to:
                stage = "rcpt"
                code, reply = client.rcpt(rcpt)
                if code not in (250, 251):
                    return fail(stage, "refused", code, reply)
            stage = "data"
            code, reply = client.data(data)
            if code != 250:
                return fail(stage, "refused", code, reply)
            stage = "quit"
        print(json.dumps({"ok": True}))
    except smtplib.SMTPResponseException as e:
        fail(stage, type(e).__name__, e.smtp_code, e.smtp_error)
    except (smtplib.SMTPException, OSError, socket.timeout) as e:
        fail(stage, type(e).__name__, None, str(e))


def fail(stage, error, code, reply):
    if isinstance(reply, bytes):
        reply = reply.decode("utf-8", "replace")
    print(json.dumps({"ok": False, "stage": stage, "error": error, "code": code, "reply": reply}))


if __name__ == "__main__":
    sys.exit(main())
