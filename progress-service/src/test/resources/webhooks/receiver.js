// A webhook receiver for WebhookDeliveryIntegrationTest that checks every request with an implementation independent
// of BackTrack's: the `standardwebhooks` npm package (Webhook.verify: headers, timestamp tolerance, HMAC).
//   node receiver.js <port> <stateDir>
// <stateDir>/secrets.json maps a request path to the secrets it accepts ({"/a": ["whsec_..."]}), read on every request
// so a test can rotate them. Every request is appended to <stateDir>/received.jsonl, verified or not; a verified one
// is answered 204, any other 401. Prints "listening" once it accepts connections.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const { Webhook } = require('standardwebhooks');

const port = Number(process.argv[2]);
const dir = process.argv[3];

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    let secrets = [];
    try {
      secrets = JSON.parse(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8'))[req.url] || [];
    } catch (e) {
      secrets = [];
    }
    let verified = null;
    let error = 'no secret for ' + req.url;
    for (let i = 0; i < secrets.length && verified === null; i++) {
      try {
        verified = { index: i, event: new Webhook(secrets[i]).verify(body, req.headers) };
      } catch (e) {
        error = e.message;
      }
    }
    const event = verified ? verified.event : null;
    const line = {
      path: req.url,
      method: req.method,
      id: req.headers['webhook-id'] || null,
      timestamp: req.headers['webhook-timestamp'] || null,
      signatures: (req.headers['webhook-signature'] || '').split(' ').filter((s) => s).length,
      contentType: req.headers['content-type'] || null,
      verified: verified !== null,
      secretIndex: verified ? verified.index : null,
      error: verified ? null : error,
      eventId: event ? event.id : null,
      type: event ? event.type : null,
      clinicId: event && event.data ? event.data.clinicId || null : null,
    };
    fs.appendFileSync(path.join(dir, 'received.jsonl'), JSON.stringify(line) + '\n');
    res.writeHead(verified ? 204 : 401);
    res.end();
  });
});
server.listen(port, '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
