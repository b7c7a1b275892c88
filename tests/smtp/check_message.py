#!/usr/bin/env python3
"""Reads stored messages (.eml, as tests/smtp/server.py writes them) with
Python's own email package, independently of kring and of the crate that
built them, and prints one JSON summary per message, one per line.

    check_message.py [--forbid TEXT]... [--forbid-file LIST.json] MESSAGE.eml...

The summary (docs/testing.md lists it in full):
  file, envelope (the sidecar NNNNNN.json: mail_from, rcpt_tos, tls,
  auth_user, ...; null without one), headers (from, to, cc, bcc, reply_to,
  sender: lists of {name, address}; subject decoded; message_id, date),
  header_counts (how many times each header name occurs, lower case),
  defects (the parser's complaints), parts (every MIME part in order:
  path, content_type, charset, method, transfer_encoding, disposition,
  filename), text and html (the first text/plain and text/html body,
  decoded, line ends \\n), calendars (every text/calendar or .ics part: content_type_method,
  method, and its events with uid, sequence, organizer, attendees,
  summary, description, location, dtstart, dtend, status), calendar (the
  first of them or null), and forbidden: for each forbidden text found,
  {text, where: [...]}. A text is looked for, case-insensitively, in the raw
  bytes, in every decoded header, and in every part decoded (transfer
  encoding, charset, HTML entities, iCalendar folding and escapes), so
  that no encoding hides it.
"""

import argparse
import email
import email.policy
import html
import json
import os
import sys

# ------------------------------------------------------------------ iCalendar


def unfold(text):
    """RFC 5545 §3.1: a CRLF followed by a space or tab continues the line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for line in text.split("\n"):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return [line for line in lines if line]


def split_outside_quotes(text, sep, maxsplit=-1):
    parts, cur, quoted = [], "", False
    for c in text:
        if c == '"':
            quoted = not quoted
        if c == sep and not quoted and (maxsplit < 0 or len(parts) < maxsplit):
            parts.append(cur)
            cur = ""
        else:
            cur += c
    parts.append(cur)
    return parts


def parse_line(line):
    """NAME;P=V;P2="V2":value -> (NAME, {P: V}, value)."""
    head, _, value = "", "", ""
    quoted = False
    for i, c in enumerate(line):
        if c == '"':
            quoted = not quoted
        elif c == ":" and not quoted:
            head, value = line[:i], line[i + 1:]
            break
    else:
        return line.upper(), {}, ""
    name, *params = split_outside_quotes(head, ";")
    parsed = {}
    for param in params:
        key, _, val = param.partition("=")
        parsed[key.upper()] = val[1:-1] if len(val) >= 2 and val[0] == val[-1] == '"' else val
    return name.upper(), parsed, value


def unescape(value):
    """RFC 5545 §3.3.11 TEXT: \\n, \\N, \\, \\; \\\\."""
    out, i = "", 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            n = value[i + 1]
            out += "\n" if n in "nN" else n
            i += 2
        else:
            out += c
            i += 1
    return out


def person(params, value):
    address = value[7:] if value.lower().startswith("mailto:") else None
    return {"value": value, "address": address, "params": params}


def parse_calendar(text):
    calendar = {"method": None, "prodid": None, "version": None, "events": []}
    stack, event = [], None
    for line in unfold(text):
        name, params, value = parse_line(line)
        if name == "BEGIN":
            stack.append(value.upper())
            if value.upper() == "VEVENT":
                event = {"uid": None, "sequence": None, "organizer": None, "attendees": [],
                         "summary": None, "description": None, "location": None,
                         "dtstart": None, "dtend": None, "status": None}
            continue
        if name == "END":
            if stack and stack[-1] == "VEVENT" and event is not None:
                calendar["events"].append(event)
                event = None
            if stack:
                stack.pop()
            continue
        if stack == ["VCALENDAR"] and name in ("METHOD", "PRODID", "VERSION"):
            calendar[name.lower()] = value
        elif stack[-1:] == ["VEVENT"] and event is not None:
            if name == "SEQUENCE":
                event["sequence"] = int(value) if value.strip().lstrip("-").isdigit() else value
            elif name == "ORGANIZER":
                event["organizer"] = person(params, value)
            elif name == "ATTENDEE":
                event["attendees"].append(person(params, value))
            elif name in ("DTSTART", "DTEND"):
                event[name.lower()] = {"value": value, "params": params}
            elif name in ("UID", "SUMMARY", "DESCRIPTION", "LOCATION", "STATUS"):
                event[name.lower()] = unescape(value)
    return calendar


# -------------------------------------------------------------------- message


def addresses(msg, name):
    values = msg.get_all(name) or []
    found = []
    for header in values:
        for a in getattr(header, "addresses", ()):
            found.append({"name": a.display_name, "address": a.addr_spec})
    return found


def payload_text(part):
    """A part's content decoded: str for text, else bytes decoded leniently."""
    try:
        content = part.get_content()
    except Exception:  # a broken charset or encoding: fall back to the bytes
        content = part.get_payload(decode=True) or b""
    if isinstance(content, bytes):
        charset = part.get_content_charset() or "utf-8"
        try:
            content = content.decode(charset, "replace")
        except LookupError:
            content = content.decode("utf-8", "replace")
    elif not isinstance(content, str):
        content = str(content)
    return content


def is_calendar(part):
    ctype = part.get_content_type()
    filename = (part.get_filename() or "").lower()
    return ctype in ("text/calendar", "application/ics") or filename.endswith(".ics")


def summarise(path, forbidden):
    with open(path, "rb") as f:
        raw = f.read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    sidecar = os.path.splitext(path)[0] + ".json"
    envelope = None
    if os.path.exists(sidecar):
        with open(sidecar, encoding="utf-8") as f:
            envelope = json.load(f)

    counts = {}
    for key in msg.keys():
        counts[key.lower()] = counts.get(key.lower(), 0) + 1

    subject = msg["subject"]
    summary = {
        "file": path,
        "envelope": envelope,
        "headers": {
            "from": addresses(msg, "from"),
            "to": addresses(msg, "to"),
            "cc": addresses(msg, "cc"),
            "bcc": addresses(msg, "bcc"),
            "reply_to": addresses(msg, "reply-to"),
            "sender": addresses(msg, "sender"),
            "subject": str(subject) if subject is not None else None,
            "message_id": str(msg["message-id"]) if msg["message-id"] is not None else None,
            "date": str(msg["date"]) if msg["date"] is not None else None,
        },
        "header_counts": counts,
        "defects": [type(d).__name__ for d in msg.defects],
        "parts": [],
        "text": None,
        "html": None,
        "calendars": [],
        "calendar": None,
    }

    # Where each forbidden text might hide: (place, text).
    places = [("raw", raw.decode("utf-8", "replace"))]
    for key, value in msg.items():
        places.append((f"header {key}", str(value)))

    def walk(part, path):
        ctype = part.get_content_type()
        info = {
            "path": path,
            "content_type": ctype,
            "charset": part.get_content_charset(),
            "method": part.get_param("method"),
            "transfer_encoding": part.get("content-transfer-encoding"),
            "disposition": part.get_content_disposition(),
            "filename": part.get_filename(),
            "defects": [type(d).__name__ for d in part.defects],
        }
        summary["parts"].append(info)
        if part.is_multipart():
            for i, sub in enumerate(part.iter_parts(), 1):
                walk(sub, f"{path}.{i}" if path else str(i))
            return
        text = payload_text(part)
        where = f"part {path or '0'} {ctype}"
        places.append((where, text))
        body = text.replace("\r\n", "\n")
        if ctype == "text/plain" and summary["text"] is None and info["disposition"] != "attachment":
            summary["text"] = body
        elif ctype == "text/html":
            places.append((where + " (entities decoded)", html.unescape(text)))
            if summary["html"] is None:
                summary["html"] = body
        if is_calendar(part):
            calendar = parse_calendar(text)
            calendar["content_type_method"] = part.get_param("method")
            calendar["path"] = path or "0"
            summary["calendars"].append(calendar)
            unfolded = "\n".join(unfold(text))
            places.append((where + " (unfolded)", unfolded))
            places.append((where + " (unescaped)", unescape(unfolded)))

    walk(msg, "")
    summary["calendar"] = summary["calendars"][0] if summary["calendars"] else None

    found = []
    for text in forbidden:
        needle = text.lower()
        where = [place for place, hay in places if needle in hay.lower()]
        if where:
            found.append({"text": text, "where": where})
    summary["forbidden"] = found
    return summary


def main():
    p = argparse.ArgumentParser(description="Summarise stored messages as JSON, one line each.")
    p.add_argument("messages", nargs="+", metavar="MESSAGE.eml")
    p.add_argument("--forbid", action="append", default=[], metavar="TEXT")
    p.add_argument("--forbid-file", metavar="LIST.json", help="a JSON list of forbidden texts")
    args = p.parse_args()
    forbidden = list(args.forbid)
    if args.forbid_file:
        with open(args.forbid_file, encoding="utf-8") as f:
            forbidden += json.load(f)
    forbidden = [t for t in forbidden if t]
    for path in args.messages:
        print(json.dumps(summarise(path, forbidden), ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
