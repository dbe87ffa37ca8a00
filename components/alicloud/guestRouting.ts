/**
 * The guest-OS side of a secondary ENI carrying several EIPs (seed 001, steps 4 and 6), rendered
 * as text so nobody types it by hand: the secondary addresses on the ENI, policy routing so
 * replies leave through the ENI they arrived on, kept across reboots. One script per way the
 * guest configures its network: network-scripts (Alibaba Cloud Linux 2, CentOS 7, as in the
 * tutorial), NetworkManager (Alibaba Cloud Linux 3, RHEL 8.1 and later, which no longer run
 * network-scripts), netplan (Ubuntu). Pure functions: no Pulumi, no I/O.
 */
import { Cidr, addressAt, formatIp, parseCidr } from "../net";

/** How the guest configures its network. */
export const GUEST_OS = ["alinux2", "alinux3", "ubuntu"] as const;
/**
 * `alinux2`: Alibaba Cloud Linux 2 and CentOS 7 (network-scripts, ifcfg aliases, rc.local);
 * `alinux3`: Alibaba Cloud Linux 3, RHEL, Rocky and Alma 8.1+ (NetworkManager 1.18+, `nmcli`);
 * `ubuntu`: Ubuntu 18.04 and later (netplan).
 */
export type GuestOs = typeof GUEST_OS[number];

/** What the renderer needs; every address is plain text. */
export interface GuestRoutingArgs {
    /** How the guest configures its network. Default: `alinux2` (the tutorial's). */
    os?: GuestOs;
    /** Primary private IPv4 address of the secondary ENI (the tutorial's 172.16.x.57). */
    primaryIp: string;
    /** Secondary private IPv4 addresses, in the order of their aliases `eth1:0`, `eth1:1`, … */
    secondaryIps: readonly string[];
    /** IPv4 block of the ENI's vSwitch; gives the gateway and the netmask. */
    vSwitchCidr: string;
    /** Device name of the ENI in the guest. Default: `eth1` (the first secondary ENI). */
    device?: string;
    /** Policy routing table id, also the metric of the device's default route. Default: 1001. */
    table?: number;
}

/**
 * The gateway of a vSwitch: its last address but two (x.253 of a /24). Alibaba Cloud reserves
 * the first and the last three addresses of every vSwitch and answers as gateway on this one.
 */
export function vSwitchGateway(cidr: string): string {
    return addressAt(cidr, -3);
}

/** The IPv4 netmask of a prefix length, e.g. 24 → 255.255.255.0. */
export function ipv4Netmask(prefix: number): string {
    return formatIp(4, ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - prefix)) - 1n));
}

/** The ifcfg file of alias `index` of `device`, as step 4 of the tutorial writes it. */
export function renderIfcfgAlias(device: string, index: number, ip: string, netmask: string): string {
    return [
        `DEVICE=${device}:${index}`,
        "TYPE=Ethernet",
        "BOOTPROTO=static",
        "ONBOOT=yes",
        `IPADDR=${ip}`,
        `NETMASK=${netmask}`,
    ].join("\n");
}

/**
 * The policy-routing commands of step 6, one per line: a default route through the ENI with the
 * table id as metric, the same default route in the table, and one rule per ENI address sending
 * its replies to that table.
 */
export function renderRoutingCommands(args: GuestRoutingArgs): string[] {
    return routingCommands(guestNetwork(args));
}

function routingCommands({ device, table, gateway, addresses }: GuestNetwork): string[] {
    return [
        `ip -4 route add default via ${gateway} dev ${device} metric ${table}`,
        `ip -4 route add default via ${gateway} dev ${device} table ${table}`,
        ...addresses.map(ip => `ip -4 rule add from ${ip} lookup ${table}`),
    ];
}

/**
 * A bash script doing steps 4 and 6 on the instance for its OS, safe to run again. Run it once
 * the ENI is attached (MultiEipEni's `configureGuest` runs it through Cloud Assistant; or SSH, or
 * user data of an instance created with the ENI already bound).
 */
export function renderGuestScript(args: GuestRoutingArgs): string {
    const net = guestNetwork(args);
    switch (net.os) {
        case "alinux3": return renderNetworkManagerScript(net);
        case "ubuntu": return renderNetplanScript(net);
        default: return renderNetworkScriptsScript(net);
    }
}

/** The guest's network as the scripts write it: the args with every default resolved, and what the block gives. */
interface GuestNetwork {
    readonly os: GuestOs;
    readonly device: string;
    readonly table: number;
    readonly cidr: Cidr;
    readonly netmask: string;
    readonly gateway: string;
    readonly primaryIp: string;
    readonly secondaryIps: readonly string[];
    /** The primary address, then the secondaries. */
    readonly addresses: readonly string[];
}

/** Resolves the defaults of `args`, once: the tutorial's OS, and the first secondary ENI's device and table. */
function guestNetwork(args: GuestRoutingArgs): GuestNetwork {
    const cidr = parseCidr(args.vSwitchCidr, 4);
    return {
        os: args.os ?? "alinux2",
        device: args.device ?? "eth1",
        table: args.table ?? 1001,
        cidr,
        netmask: ipv4Netmask(cidr.prefix),
        gateway: vSwitchGateway(cidr.text),
        primaryIp: args.primaryIp,
        secondaryIps: args.secondaryIps,
        addresses: [args.primaryIp, ...args.secondaryIps],
    };
}

/** The lines every script opens with: shebang, what it configures, strict mode. */
function opening({ device, primaryIp, secondaryIps, cidr, gateway, netmask }: GuestNetwork): string[] {
    return [
        "#!/bin/bash",
        `# Secondary ENI ${device}: ${primaryIp} (primary)${secondaryIps.map(ip => `, ${ip}`).join("")}; ` +
        `vSwitch ${cidr.text}, gateway ${gateway}, netmask ${netmask}.`,
        "set -euo pipefail",
        "",
    ];
}

/**
 * NetworkManager: one connection profile of its own on the ENI with every address, the default
 * route at the table's metric, and the policy routes and rules (`ipv4.routes … table=`,
 * `ipv4.routing-rules`, NetworkManager 1.18+), which NetworkManager restores at boot. Re-running
 * replaces the profile.
 */
function renderNetworkManagerScript(net: GuestNetwork): string {
    const { device, table, cidr, gateway, addresses } = net;
    const profile = `topologies-${device}`;
    const rules = addresses.map(ip => `priority ${table} from ${ip} table ${table}`).join(", ");
    return [
        ...opening(net),
        `# Take ${device} from every other profile, active on it or bound to it by name, then give it this one.`,
        "for c in $(nmcli -g UUID connection show); do",
        `    [ "$(nmcli -g connection.id connection show "$c")" = ${profile} ] && continue`,
        `    if [ "$(nmcli -g connection.interface-name connection show "$c")" = ${device} ] || ` +
        `[ "$(nmcli -g GENERAL.DEVICES connection show "$c" 2>/dev/null)" = ${device} ]; then`,
        `        nmcli connection down "$c" 2>/dev/null || true`,
        `        nmcli connection modify "$c" connection.autoconnect no`,
        "    fi",
        "done",
        `nmcli connection delete ${profile} 2>/dev/null || true`,
        `nmcli connection add type ethernet ifname ${device} con-name ${profile} connection.autoconnect yes \\`,
        `    ipv4.method manual ipv4.addresses "${addresses.map(ip => `${ip}/${cidr.prefix}`).join(",")}" \\`,
        `    ipv4.gateway ${gateway} ipv4.route-metric ${table} \\`,
        `    ipv4.routes "0.0.0.0/0 ${gateway} table=${table}" \\`,
        `    ipv4.routing-rules "${rules}" \\`,
        "    ipv6.method ignore",
        `nmcli connection up ${profile}`,
        "",
    ].join("\n");
}

/**
 * netplan: a file of its own for the ENI with every address, the default route at the table's
 * metric, and the policy routes; re-running rewrites it.
 */
function renderNetplanScript(net: GuestNetwork): string {
    const { device, table, cidr, gateway, addresses } = net;
    return [
        ...opening(net),
        `cat > /etc/netplan/60-topologies-${device}.yaml <<'EOF'`,
        "network:",
        "  version: 2",
        "  ethernets:",
        `    ${device}:`,
        "      dhcp4: false",
        `      addresses: [${addresses.map(ip => `${ip}/${cidr.prefix}`).join(", ")}]`,
        "      routes:",
        `        - { to: 0.0.0.0/0, via: ${gateway}, metric: ${table} }`,
        `        - { to: 0.0.0.0/0, via: ${gateway}, table: ${table} }`,
        "      routing-policy:",
        ...addresses.map(ip => `        - { from: ${ip}, table: ${table} }`),
        "EOF",
        `chmod 600 /etc/netplan/60-topologies-${device}.yaml`,
        "netplan apply",
        "",
    ].join("\n");
}

/**
 * network-scripts (the tutorial's): it rewrites the ifcfg aliases, restarts the network,
 * replaces (not appends) its own block in /etc/rc.local, and clears its routes and rules before
 * adding them, so a second run does not fail on "File exists".
 */
function renderNetworkScriptsScript(net: GuestNetwork): string {
    const { device, table, netmask, gateway } = net;
    const commands = routingCommands(net);
    const begin = `# BEGIN topologies multi-eip-eni ${device}`;
    const end = `# END topologies multi-eip-eni ${device}`;
    const aliases = net.secondaryIps.map((ip, i) => [
        `cat > /etc/sysconfig/network-scripts/ifcfg-${device}:${i} <<'EOF'`,
        renderIfcfgAlias(device, i, ip, netmask),
        "EOF",
    ].join("\n"));
    return [
        ...opening(net),
        "# Secondary private addresses as aliases of the ENI.",
        ...aliases,
        "service network restart",
        "",
        "# Persist the policy routing across reboots.",
        // On CentOS 7 / Alibaba Cloud Linux 2, /etc/rc.local links to /etc/rc.d/rc.local, the file
        // boot runs: a plain `sed -i` would replace the link by a copy nothing runs.
        "touch /etc/rc.local",
        `sed -i --follow-symlinks '/^${begin}$/,/^${end}$/d' /etc/rc.local`,
        "cat >> /etc/rc.local <<'EOF'",
        begin,
        ...commands,
        end,
        "EOF",
        "chmod +x /etc/rc.local",
        "",
        "# Apply it now, clearing what an earlier run left.",
        `ip -4 route del default via ${gateway} dev ${device} metric ${table} 2>/dev/null || true`,
        `ip -4 route flush table ${table} 2>/dev/null || true`,
        `while ip -4 rule del lookup ${table} 2>/dev/null; do :; done`,
        ...commands,
        "",
    ].join("\n");
}
