#!/usr/bin/env python3
"""A fake speech-dispatcher for the tests of F9 (issue 26): an SSIP server on a unix socket
that says nothing aloud and writes down what it was asked to say.

    fake_speechd.py SOCKET LOG [MODE]

Point a client at it with SPEECHD_ADDRESS=unix_socket:SOCKET. Each message a client sends
(SSIP: "SPEAK", the text, a line "." ending it) is appended to LOG as one JSON object per
line: {"client": the CLIENT_NAME it set, "priority": the PRIORITY in force, "language": the
LANGUAGE in force ("SET self LANGUAGE de"; "" when none was set), "text": the text, dots
unescaped, its line ends as sent}. The replies follow SSIP as libspeechd reads
them: "208 OK CLIENT NAME SET", "230 OK RECEIVING DATA", "225-ID" then "225 OK MESSAGE
QUEUED", "210 OK CANCELED", 2xx for every SET.

MODE (default "ok") makes it a hostile service instead:
    garbage  answers its first command with a line that is not SSIP
    silent   accepts connections and never answers
    refuse   answers SPEAK with "301 ERR" (the text is refused)
The server runs until it is killed; it writes "ready" on stdout once it listens.
"""
import json
import os
import socket
import sys
import threading


def serve(conn, log_path, mode, lock, counter):
    client, priority, language = "", "", ""
    buf = b""
    data = None  # the lines of a message being received, or None
    answered = False

    def reply(text):
        conn.sendall(text.encode("utf-8"))

    try:
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                return
            buf += chunk
            while b"\r\n" in buf:
                raw, buf = buf.split(b"\r\n", 1)
                line = raw.decode("utf-8", "replace")
                if mode == "silent":
                    continue
                if mode == "garbage" and not answered:
                    answered = True
                    reply("who are you?\r\n")  # "who " ends a reply: libspeechd reads a code that is no number
                    continue
                if data is not None:
                    if line == ".":
                        with lock:
                            counter[0] += 1
                            msg_id = counter[0]
                            with open(log_path, "a", encoding="utf-8") as log:
                                log.write(json.dumps({"client": client, "priority": priority, "language": language,
                                                      "text": "\r\n".join(data)}) + "\n")
                        data = None
                        reply("225-%d\r\n225 OK MESSAGE QUEUED\r\n" % msg_id)
                    else:
                        data.append(line[1:] if line.startswith("..") else line)
                    continue
                words = line.split(" ")
                head = words[0].upper()
                if head == "SPEAK":
                    if mode == "refuse":
                        reply("301 ERR CANT SPEAK\r\n")
                    else:
                        data = []
                        reply("230 OK RECEIVING DATA\r\n")
                elif head == "SET" and len(words) >= 3 and words[2].upper() == "CLIENT_NAME":
                    client = " ".join(words[3:]).strip('"')
                    reply("208 OK CLIENT NAME SET\r\n")
                elif head == "SET" and len(words) >= 4 and words[2].upper() == "PRIORITY":
                    priority = words[3].upper()
                    reply("202 OK PRIORITY SET\r\n")
                elif head == "SET" and len(words) >= 4 and words[2].upper() == "LANGUAGE":
                    language = words[3]
                    reply("201 OK LANGUAGE SET\r\n")
                elif head == "SET":
                    reply("203 OK SET\r\n")
                elif head == "CANCEL":
                    reply("210 OK CANCELED\r\n")
                elif head == "QUIT":
                    reply("231 HAPPY HACKING\r\n")
                    return
                else:
                    reply("200 OK\r\n")
    except OSError:
        return
    finally:
        conn.close()


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    path, log_path = sys.argv[1], sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) == 4 else "ok"
    if mode not in ("ok", "garbage", "silent", "refuse"):
        sys.exit("unknown mode " + mode)
    if os.path.exists(path):
        os.unlink(path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(8)
    open(log_path, "a", encoding="utf-8").close()
    print("ready", flush=True)
    lock, counter = threading.Lock(), [0]
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve, args=(conn, log_path, mode, lock, counter), daemon=True).start()


if __name__ == "__main__":
    main()
