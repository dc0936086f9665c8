// Loaded with `node --import` before electronegativity so the security lint never touches the network. It asks
// two things online: updated translations of its messages (on every run) and Electron's release list (the check
// for newer releases, which the gate leaves out). Both go through `got`; any other way out is a socket or fetch.
// All are refused here, before a name is looked up or a connection made, and written to GOBINSCOPE_NETWORK_LOG for the gate to judge.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import Module from 'node:module';
import net from 'node:net';

const log = process.env['GOBINSCOPE_NETWORK_LOG'];

function refuse(what) {
  if (log) appendFileSync(log, `${what}\n`);
  return new Error(`network disabled for the security lint: ${what}`);
}

function offlineGot(url) {
  return Promise.reject(refuse(`got ${String(url)}`));
}
offlineGot.default = offlineGot;

const load = Module._load;
Module._load = function loadOffline(request, ...rest) {
  if (request === 'got') return offlineGot;
  return load.call(this, request, ...rest);
};

net.Socket.prototype.connect = function connectOffline(...args) {
  throw refuse(`socket ${JSON.stringify(args[0])}`);
};
dns.lookup = (hostname) => {
  throw refuse(`dns ${hostname}`);
};
dns.promises.lookup = (hostname) => Promise.reject(refuse(`dns ${hostname}`));
globalThis.fetch = (input) => Promise.reject(refuse(`fetch ${String(input)}`));
