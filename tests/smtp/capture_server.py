#!/usr/bin/python3
"""A real SMTP server for Parley's tests: stores every message it accepts in a folder.

Each message becomes <n>.eml (the bytes received, dot-unstuffed) and <n>.json
(envelope and login). The json is written last and renamed into place, so a reader
that sees it also sees the whole .eml. The file "connections" holds how many
connections the server has accepted so far, "open" how many are still open.

Prints READY once listening; runs until SIGTERM or SIGINT.
"""

import argparse
import asyncio
import json
import logging
import os
import signal
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class CaptureHandler:
    def __init__(self, directory, reject_rcpt, tempfail, drop_after):
        self.directory = directory
        self.reject_rcpt = reject_rcpt
        self.tempfail = tempfail
        self.drop_after = drop_after
        # Continue numbering (and counting) after what a previous run on the same folder stored.
        self.sequence = len([n for n in os.listdir(directory) if n.endswith(".json")])
        self.connections = read_count(os.path.join(directory, "connections"))
        self.open = 0
        write_atomically(os.path.join(directory, "open"), "0")

    def connected(self):
        self.connections += 1
        self.open += 1
        write_atomically(os.path.join(self.directory, "connections"), str(self.connections))
        write_atomically(os.path.join(self.directory, "open"), str(self.open))

    def disconnected(self):
        self.open -= 1
        write_atomically(os.path.join(self.directory, "open"), str(self.open))

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_rcpt is not None and address.lower() == self.reject_rcpt.lower():
            return "550 5.1.1 <%s>: recipient rejected" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_after is not None and self.sequence == self.drop_after:
            # Once: the line goes dead after the whole message was sent, before it is stored or answered.
            self.drop_after = None
            server.transport.abort()
            return "421 4.3.0 never seen: the line is cut"
        if self.tempfail > 0:
            self.tempfail -= 1
            return "451 4.3.0 temporary failure, try again later"
        self.sequence += 1
        base = os.path.join(self.directory, str(self.sequence))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        login = session.auth_data.login if isinstance(session.auth_data, LoginPassword) else None
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "auth_user": login.decode("utf-8") if login is not None else None,
        }
        write_atomically(base + ".json", json.dumps(meta))
        return "250 OK: queued as %d" % self.sequence


def read_count(path):
    try:
        with open(path, encoding="utf-8") as f:
            return int(f.read())
    except FileNotFoundError:
        return 0


def write_atomically(path, text):
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


class CountingSMTP(SMTP):
    """Tells the handler when a connection ends, however it ends."""

    def connection_lost(self, error):
        self.event_handler.disconnected()
        super().connection_lost(error)


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode("utf-8") == user
            and auth_data.password.decode("utf-8") == password
        )
        if ok:
            return AuthResult(success=True, auth_data=auth_data)
        # Not handled here, so aiosmtpd answers 535 itself.
        return AuthResult(success=False, handled=False)

    return authenticate


def server_context(cert, key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    tls = parser.add_mutually_exclusive_group()
    tls.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    tls.add_argument("--smtps", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth", metavar="USER:PASS")
    parser.add_argument("--reject-rcpt", metavar="ADDR")
    parser.add_argument("--tempfail", type=int, default=0, metavar="N")
    parser.add_argument("--drop-after", type=int, metavar="N")
    return parser.parse_args()


async def main():
    args = parse_args()
    os.makedirs(args.dir, exist_ok=True)
    handler = CaptureHandler(args.dir, args.reject_rcpt, args.tempfail, args.drop_after)

    smtp_kwargs = {"hostname": "capture.test", "decode_data": False}
    if args.starttls:
        smtp_kwargs["tls_context"] = server_context(*args.starttls)
        smtp_kwargs["require_starttls"] = True
    if args.auth:
        user, _, password = args.auth.partition(":")
        smtp_kwargs["auth_required"] = True
        smtp_kwargs["authenticator"] = make_authenticator(user, password)
        # Over implicit TLS aiosmtpd does not know the line is encrypted; without any
        # TLS the test asked for AUTH in the clear on purpose.
        smtp_kwargs["auth_require_tls"] = bool(args.starttls)
    implicit_tls = server_context(*args.smtps) if args.smtps else None

    loop = asyncio.get_running_loop()

    def accept():
        handler.connected()
        return CountingSMTP(handler, loop=loop, **smtp_kwargs)

    server = await loop.create_server(
        accept,
        host=args.host,
        port=args.port,
        ssl=implicit_tls,
        reuse_address=True,
    )
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print("READY", flush=True)
    await stop.wait()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    # aiosmtpd warns about AUTH without TLS, which some tests ask for deliberately.
    warnings.simplefilter("ignore")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    asyncio.run(main())
    sys.exit(0)
