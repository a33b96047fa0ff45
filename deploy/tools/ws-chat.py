# Minimal WebSocket client (RFC 6455, no libraries) driving chat turns through the gateway: measure-rss.sh uses it.
# usage: ws-chat.py PORT TOKEN SESSIONS TURNS
import base64, json, os, socket, struct, sys, time, threading
host, port, token, sessions, turns = "127.0.0.1", int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
s = socket.create_connection((host, port))
key = base64.b64encode(os.urandom(16)).decode()
s.sendall((f"GET /ws HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer {token}\r\n\r\n").encode())
resp = b""
while b"\r\n\r\n" not in resp: resp += s.recv(1)
assert b" 101 " in resp.split(b"\r\n")[0], resp
def send(obj):
    data = json.dumps(obj).encode(); mask = os.urandom(4)
    hdr = bytes([0x81]) + (bytes([0x80 | len(data)]) if len(data) < 126 else bytes([0x80 | 126]) + struct.pack(">H", len(data)))
    s.sendall(hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
counts = {}
def reader():
    buf = b""
    while True:
        chunk = s.recv(65536)
        if not chunk: return
        buf += chunk
        while len(buf) >= 2:
            n = buf[1] & 0x7f; off = 2
            if n == 126: n = struct.unpack(">H", buf[2:4])[0]; off = 4
            elif n == 127: n = struct.unpack(">Q", buf[2:10])[0]; off = 10
            if len(buf) < off + n: break
            try: t = json.loads(buf[off:off + n]).get("type")
            except Exception: t = "?"
            counts[t] = counts.get(t, 0) + 1; buf = buf[off + n:]
threading.Thread(target=reader, daemon=True).start()
texts = ["add 5 agents", "reduce human salary by 15%", "what is the roi?", "generate an executive summary", "double the bucket1 accounts"]
for i in range(sessions): send({"type": "join", "sessionId": f"rss-{i}", "kind": "chat"})
for t in range(turns):
    for i in range(sessions):
        send({"type": "chat", "sessionId": f"rss-{i}", "text": texts[t % len(texts)], "messageId": f"m-{i}-{t}-{time.time()}"})
    time.sleep(0.5)
# wait for every reply (a loaded machine answers slowly), at most 180 s
deadline = time.time() + 180
while counts.get("chat.replied", 0) < sessions * turns and time.time() < deadline:
    time.sleep(1)
print(counts)
