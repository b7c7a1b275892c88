#!/usr/bin/env python3
"""A loopback SMTP server for kring's tests (tests/it/smtp.rs), on aiosmtpd.

It listens on 127.0.0.1 on a port the system picks, offers STARTTLS with a
certificate it makes at start (a test CA and a server certificate for
localhost and 127.0.0.1), optionally implicit TLS on a second port, and
AUTH PLAIN/LOGIN with one user. Every accepted message is stored in
--maildir as NNNNNN.eml (the bytes as received) with an envelope sidecar
NNNNNN.json, each written to a temporary file and renamed. Faults (replies,
dropped connections, hangs) come from --faults, a JSON file read again on
each connection and each transaction; docs/testing.md describes it. Counts
of attempts per recipient go to --stats.

    server.py --state-dir DIR --port-file DIR/port.json --maildir DIR/mail \
        [--starttls] [--require-starttls] [--implicit-tls] [--auth USER:PASSWORD] \
        [--faults FILE] [--stats FILE] [--exit-on-stdin-eof]
    server.py --check-faults FILE     # validate a fault file, exit 0 or 2
    server.py --make-certs DIR        # only write ca.pem, server.pem, server.key

SIGTERM or SIGINT closes the listeners and every connection (hanging ones
too) and exits 0.
"""

import argparse
import asyncio
import datetime
import json
import logging
import os
import re
import signal
import ssl
import sys
import warnings

log = logging.getLogger("kring-test-smtp")

# ---------------------------------------------------------------- certificates


def make_certs(folder):
    """Writes ca.pem (a test CA), server.pem and server.key (signed by it, for
    localhost, 127.0.0.1 and ::1) into folder; returns their paths."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    os.makedirs(folder, exist_ok=True)
    now = datetime.datetime.now(datetime.timezone.utc)
    start, end = now - datetime.timedelta(days=1), now + datetime.timedelta(days=30)

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kring test CA (tests only)")])
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True,
                crl_sign=True, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )

    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.SubjectAlternativeName([
                x509.DNSName("localhost"),
                x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                x509.IPAddress(ipaddress.ip_address("::1")),
            ]),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )

    pem = serialization.Encoding.PEM
    paths = {name: os.path.join(folder, name) for name in ("ca.pem", "server.pem", "server.key")}
    write_atomic(paths["ca.pem"], ca.public_bytes(pem))
    write_atomic(paths["server.pem"], cert.public_bytes(pem))
    write_atomic(
        paths["server.key"],
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
    )
    return paths


def write_atomic(path, data):
    """Writes data (bytes) to a temporary file beside path, then renames it."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".tmp-{os.getpid()}-{name}")
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def write_json(path, value):
    write_atomic(path, (json.dumps(value, indent=2, sort_keys=True) + "\n").encode())


# ---------------------------------------------------------------------- faults

REPLY = re.compile(r"^[2-5][0-9][0-9]( .*)?$")
PHASES = ("rcpt", "data")


class FaultError(Exception):
    pass


def check_rule(rule, where, connect):
    if not isinstance(rule, dict):
        raise FaultError(f"{where}: a rule is an object")
    allowed = {"reply", "drop", "hang", "times", "deliver"} | (set() if connect else {"at"})
    unknown = set(rule) - allowed
    if unknown:
        raise FaultError(f"{where}: unknown keys {sorted(unknown)} (allowed: {sorted(allowed)})")
    actions = [a for a in ("reply", "drop", "hang") if a in rule]
    if len(actions) != 1:
        raise FaultError(f"{where}: exactly one of reply, drop, hang (found {actions})")
    if "reply" in rule and not (isinstance(rule["reply"], str) and REPLY.match(rule["reply"])):
        raise FaultError(f"{where}: reply must be a string like \"451 4.7.1 try again later\"")
    if "drop" in rule and rule["drop"] is not True:
        raise FaultError(f"{where}: drop must be true")
    if "hang" in rule and not (
        isinstance(rule["hang"], (int, float)) and not isinstance(rule["hang"], bool) and rule["hang"] > 0
    ):
        raise FaultError(f"{where}: hang is a number of seconds > 0")
    if "times" in rule and not (
        isinstance(rule["times"], int) and not isinstance(rule["times"], bool) and rule["times"] >= 1
    ):
        raise FaultError(f"{where}: times is an integer >= 1 (leave it out for always)")
    if not connect:
        at = rule.get("at")
        if at not in PHASES:
            raise FaultError(f"{where}: at must be one of {list(PHASES)}")
        if "deliver" in rule and (at != "data" or "reply" in rule or not isinstance(rule["deliver"], bool)):
            raise FaultError(f"{where}: deliver (true/false) goes only with at = data and drop or hang")
    elif "deliver" in rule:
        raise FaultError(f"{where}: deliver has no meaning on connect")


def parse_faults(text):
    """The fault file's rules, checked: {"connect": [rule], "recipients": {addr: [rule]}}."""
    try:
        faults = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError as e:
        raise FaultError(f"not JSON: {e}") from None
    if not isinstance(faults, dict):
        raise FaultError("the fault file is an object")
    unknown = set(faults) - {"connect", "recipients"}
    if unknown:
        raise FaultError(f"unknown top-level keys {sorted(unknown)} (allowed: connect, recipients)")
    connect = faults.get("connect", [])
    if not isinstance(connect, list):
        raise FaultError("connect is a list of rules")
    for i, rule in enumerate(connect):
        check_rule(rule, f"connect[{i}]", True)
    recipients = faults.get("recipients", {})
    if not isinstance(recipients, dict):
        raise FaultError("recipients is an object: address (or \"*\") -> list of rules")
    lowered = {}
    for address, rules in recipients.items():
        if not isinstance(rules, list):
            raise FaultError(f"recipients[{address!r}] is a list of rules")
        for i, rule in enumerate(rules):
            check_rule(rule, f"recipients[{address!r}][{i}]", False)
        lowered[address.lower()] = rules
    return {"connect": connect, "recipients": lowered}


class Faults:
    """The fault file, read again on every call to rules(); and how often each
    rule has fired since the file's content last changed."""

    def __init__(self, path):
        self.path = path
        self.text = None
        self.fired = {}

    def load(self):
        """The parsed rules; raises FaultError for a bad file."""
        if not self.path:
            return {"connect": [], "recipients": {}}
        try:
            with open(self.path, encoding="utf-8") as f:
                text = f.read()
        except FileNotFoundError:
            text = ""
        if text != self.text:
            self.text, self.fired = text, {}
        return parse_faults(text)

    def fire(self, scope, rules, pick):
        """The first rule of `rules` that `pick` accepts and that has fired
        fewer than its `times`; counts it as fired."""
        for i, rule in enumerate(rules):
            if not pick(rule):
                continue
            key = f"{scope}#{i}"
            if self.fired.get(key, 0) >= rule.get("times", float("inf")):
                continue
            self.fired[key] = self.fired.get(key, 0) + 1
            return key, rule
        return None, None

    def connect_rule(self):
        key, rule = self.fire("connect", self.load()["connect"], lambda r: True)
        return key, rule

    def recipient_rule(self, address, phase):
        recipients = self.load()["recipients"]
        address = address.lower()
        for scope in (address, "*"):
            key, rule = self.fire(scope, recipients.get(scope, []), lambda r: r["at"] == phase)
            if rule is not None:
                return key, rule
        return None, None


# ---------------------------------------------------------------------- server


class State:
    def __init__(self, args):
        self.args = args
        self.faults = Faults(args.faults)
        self.stats = {"connections": 0, "messages": 0, "auth": {"ok": 0, "failed": 0}, "recipients": {}}
        self.protocols = set()
        os.makedirs(args.maildir, exist_ok=True)
        taken = [int(n[:6]) for n in os.listdir(args.maildir) if re.match(r"^\d{6}\.eml$", n)]
        self.sequence = max(taken, default=0)
        self.write_stats()

    def write_stats(self):
        if self.args.stats:
            write_json(self.args.stats, dict(self.stats, fired=self.faults.fired))

    def count(self, address, what):
        entry = self.stats["recipients"].setdefault(address.lower(), {"rcpt": 0, "data": 0, "accepted": 0})
        entry[what] += 1

    def store(self, session, envelope, tls, port):
        """Writes the message and its envelope (sidecar first, so that a
        reader who sees the .eml also finds its .json)."""
        self.sequence += 1
        stem = os.path.join(self.args.maildir, f"{self.sequence:06d}")
        auth = session.auth_data
        write_json(stem + ".json", {
            "mail_from": envelope.mail_from,
            "mail_options": envelope.mail_options,
            "rcpt_tos": envelope.rcpt_tos,
            "rcpt_options": envelope.rcpt_options,
            "helo": session.host_name,
            "tls": tls,
            "auth_user": auth.login.decode("utf-8", "replace") if auth is not None else None,
            "port": port,
            "received": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        })
        write_atomic(stem + ".eml", envelope.original_content)
        self.stats["messages"] += 1
        for rcpt in envelope.rcpt_tos:
            self.count(rcpt, "accepted")
        log.info("stored %s.eml from %s to %s", stem, envelope.mail_from, envelope.rcpt_tos)
        return stem


def bad_faults(e):
    log.error("bad fault file: %s", e)
    return f"451 4.3.0 kring test server: bad fault file: {e}"


class Handler:
    def __init__(self, state, port, implicit_tls):
        self.state = state
        self.port = port
        self.implicit_tls = implicit_tls

    def tls(self, server):
        return self.implicit_tls or server._tls_protocol is not None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        state = self.state
        state.count(address, "rcpt")
        try:
            key, rule = state.faults.recipient_rule(address, "rcpt")
        except FaultError as e:
            state.write_stats()
            return bad_faults(e)
        state.write_stats()
        if rule is not None:
            log.info("RCPT %s: fault %s %s", address, key, rule)
            if "reply" in rule:
                return rule["reply"]
            if "drop" in rule:
                server.abort()
                await asyncio.Event().wait()  # cancelled by connection_lost
            if "hang" in rule:
                await asyncio.sleep(rule["hang"])
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        state = self.state
        for rcpt in envelope.rcpt_tos:
            state.count(rcpt, "data")
        key = rule = None
        try:
            for rcpt in envelope.rcpt_tos:
                key, rule = state.faults.recipient_rule(rcpt, "data")
                if rule is not None:
                    break
        except FaultError as e:
            state.write_stats()
            return bad_faults(e)
        state.write_stats()
        stored = False
        if rule is not None:
            log.info("DATA %s: fault %s %s", envelope.rcpt_tos, key, rule)
            if "reply" in rule:
                return rule["reply"]
            if rule.get("deliver"):
                state.store(session, envelope, self.tls(server), self.port)
                stored = True
                state.write_stats()
            if "drop" in rule:
                server.abort()
                await asyncio.Event().wait()  # cancelled by connection_lost
            await asyncio.sleep(rule["hang"])
        if not stored:
            state.store(session, envelope, self.tls(server), self.port)
            state.write_stats()
        return "250 2.0.0 OK stored"


class Refuser(asyncio.Protocol):
    """A connection that a connect rule takes: a reply and close, a drop, or
    silence for `hang` seconds."""

    def __init__(self, state, rule):
        self.state, self.rule, self.transport, self.timer = state, rule, None, None

    def connection_made(self, transport):
        self.transport = transport
        self.state.protocols.add(self)
        if "reply" in self.rule:
            transport.write(self.rule["reply"].encode() + b"\r\n")
            transport.close()
        elif "drop" in self.rule:
            transport.abort()
        else:
            self.timer = asyncio.get_running_loop().call_later(self.rule["hang"], transport.close)

    def data_received(self, data):
        pass  # a hang reads and answers nothing

    def connection_lost(self, exc):
        self.state.protocols.discard(self)
        if self.timer:
            self.timer.cancel()

    def abort(self):
        if self.transport:
            self.transport.abort()


def smtp_class():
    from aiosmtpd.smtp import SMTP

    class TrackedSMTP(SMTP):
        """aiosmtpd's SMTP, known to the state so that SIGTERM can close it."""

        def __init__(self, state, *a, **kw):
            super().__init__(*a, **kw)
            self.state = state

        def connection_made(self, transport):
            self.state.protocols.add(self)
            super().connection_made(transport)

        def connection_lost(self, error):
            self.state.protocols.discard(self)
            super().connection_lost(error)

        def abort(self):
            for t in (self._original_transport, self.transport):
                if t is not None:
                    t.abort()

    return TrackedSMTP


def make_factory(state, port_holder, tls_context, implicit_tls):
    from aiosmtpd.smtp import AuthResult, LoginPassword

    args = state.args
    TrackedSMTP = smtp_class()
    user, password = (args.auth.split(":", 1) + [""])[:2] if args.auth else (None, None)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode()
            and auth_data.password == password.encode()
        )
        state.stats["auth"]["ok" if ok else "failed"] += 1
        state.write_stats()
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    def factory():
        state.stats["connections"] += 1
        try:
            key, rule = state.faults.connect_rule()
        except FaultError as e:
            state.write_stats()
            return Refuser(state, {"reply": bad_faults(e).replace("451 4.3.0", "421 4.3.0", 1)})
        state.write_stats()
        if rule is not None:
            log.info("connect: fault %s %s", key, rule)
            return Refuser(state, rule)
        return TrackedSMTP(
            state,
            Handler(state, port_holder[0], implicit_tls),
            hostname="localhost",
            ident="kring test SMTP server",
            enable_SMTPUTF8=True,
            # On the implicit TLS port the connection is TLS from the start,
            # which aiosmtpd does not see: it would refuse AUTH.
            tls_context=None if implicit_tls else tls_context,
            require_starttls=args.require_starttls and not implicit_tls,
            auth_required=user is not None,
            auth_require_tls=not implicit_tls,
            authenticator=authenticator if user is not None else None,
            timeout=args.idle_timeout,
        )

    return factory


async def serve(args):
    loop = asyncio.get_running_loop()
    state = State(args)
    tls_context = None
    ca = None
    if args.starttls or args.implicit_tls:
        paths = make_certs(os.path.join(args.state_dir, "tls"))
        ca = paths["ca.pem"]
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(paths["server.pem"], paths["server.key"])
    starttls_context = tls_context if args.starttls else None

    port_holder, tls_port_holder = [0], [0]
    server = await loop.create_server(
        make_factory(state, port_holder, starttls_context, False), "127.0.0.1", args.port
    )
    port_holder[0] = server.sockets[0].getsockname()[1]
    servers = [server]
    if args.implicit_tls:
        tls_server = await loop.create_server(
            make_factory(state, tls_port_holder, tls_context, True), "127.0.0.1", 0, ssl=tls_context
        )
        tls_port_holder[0] = tls_server.sockets[0].getsockname()[1]
        servers.append(tls_server)

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if args.exit_on_stdin_eof:
        # The test that started us closes our stdin when it ends, even when
        # it is killed: then we go too, and no server outlives its test.
        # (A reader on the loop, not a thread: a thread blocked in read()
        # would abort the interpreter's exit.)
        fd = sys.stdin.fileno()

        def readable():
            if not os.read(fd, 4096):
                loop.remove_reader(fd)
                stop.set()

        loop.add_reader(fd, readable)

    ready = {"pid": os.getpid(), "port": port_holder[0], "tls_port": tls_port_holder[0] or None, "ca": ca}
    if args.port_file:
        write_json(args.port_file, ready)
    print(json.dumps(ready), flush=True)
    log.info("listening: %s", ready)

    await stop.wait()
    log.info("stopping")
    for s in servers:
        s.close()
    for p in list(state.protocols):
        p.abort()
    await asyncio.sleep(0.05)
    state.write_stats()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--state-dir", default=".", help="where tls/ (the certificates) goes")
    p.add_argument("--port-file", help="JSON {pid, port, tls_port, ca}, written once listening")
    p.add_argument("--port", type=int, default=0, help="the plain/STARTTLS port (default: any free one)")
    p.add_argument("--maildir", help="where NNNNNN.eml and NNNNNN.json go")
    p.add_argument("--starttls", action="store_true", help="offer STARTTLS")
    p.add_argument("--require-starttls", action="store_true", help="refuse everything but EHLO before STARTTLS")
    p.add_argument("--implicit-tls", action="store_true", help="also listen with TLS from the start")
    p.add_argument("--auth", metavar="USER:PASSWORD", help="offer and require AUTH PLAIN/LOGIN (after TLS)")
    p.add_argument("--faults", help="the JSON fault file, read again on each connection and transaction")
    p.add_argument("--stats", help="JSON counts: connections, messages, auth, per recipient rcpt/data/accepted")
    p.add_argument("--idle-timeout", type=float, default=300, help="seconds before an idle client is dropped")
    p.add_argument("--exit-on-stdin-eof", action="store_true", help="stop when standard input closes")
    p.add_argument("--check-faults", metavar="FILE", help="only validate a fault file")
    p.add_argument("--make-certs", metavar="DIR", help="only write ca.pem, server.pem, server.key")
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args()
    for name in ("state_dir", "port_file", "maildir", "faults", "stats"):
        if getattr(args, name):
            setattr(args, name, os.path.abspath(getattr(args, name)))

    if args.check_faults:
        try:
            with open(args.check_faults, encoding="utf-8") as f:
                parse_faults(f.read())
        except (OSError, FaultError) as e:
            print(f"{args.check_faults}: {e}", file=sys.stderr)
            sys.exit(2)
        return
    if args.make_certs:
        print(json.dumps(make_certs(args.make_certs)))
        return
    if not args.maildir:
        p.error("--maildir is required")
    if args.require_starttls and not args.starttls:
        p.error("--require-starttls needs --starttls")

    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
        stream=sys.stderr,
    )
    log.setLevel(logging.INFO)
    # aiosmtpd warns that the implicit TLS port requires AUTH without
    # STARTTLS: that port is TLS from the first byte.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    logging.getLogger("mail.log").addFilter(lambda r: "auth_require_tls == False" not in r.getMessage())
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
