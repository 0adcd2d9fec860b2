// Makes sure the Debian packages that the tests drive are installed: installs them when running as
// root (as CI does), otherwise stops at once and names the packages to install.
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';

export const SYSTEM_PACKAGES = [
  {binary: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', debianPackage: 'chromium', usedBy: 'the browser tests'},
  {binary: process.env.TSHARK_PATH ?? '/usr/bin/tshark', debianPackage: 'tshark', usedBy: 'the pcap test (Wireshark reads the files the library writes)'},
];

export function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((entry) => !existsSync(entry.binary));
  if (missing.length === 0) return true;
  const names = missing.map((entry) => entry.debianPackage);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Missing ${missing.map((entry) => `${entry.binary} (for ${entry.usedBy})`).join(', ')}.\n` +
        `Install Debian's packages first:  sudo apt-get install -y ${names.join(' ')}`,
    );
    return false;
  }
  console.log(`Installing Debian packages: ${names.join(' ')}`);
  const environment = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  try {
    execFileSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env: environment});
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], {stdio: 'inherit', env: environment});
  } catch (error) {
    console.error(`apt-get failed: ${error.message}`);
    return false;
  }
  return missing.every((entry) => existsSync(entry.binary));
}
