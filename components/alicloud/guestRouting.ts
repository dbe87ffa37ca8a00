/**
 * The guest-OS side of a secondary ENI carrying several EIPs (seed 001, steps 4 and 6), rendered
 * as text so nobody types it by hand: the secondary addresses on the ENI, policy routing so
 * replies leave through the ENI they arrived on, kept across reboots. One script per way the
 * guest configures its network: network-scripts (Alibaba Cloud Linux 2, CentOS 7, as in the
 * tutorial), NetworkManager (Alibaba Cloud Linux 3, RHEL 8.1 and later, which no longer run
 * network-scripts), netplan (Ubuntu). Pure functions: no Pulumi, no I/O.
 */
import { z } from "zod";
import { checkUnique } from "../checks";
import { Problems, validate } from "../errors";
import { Cidr, addressAt, checkCidr, checkIp, formatIp } from "../net";
import { argsShape, checkShape, text, wholeNumber } from "../shape";

/** How the guest configures its network. */
export const GUEST_OS = ["alinux2", "alinux3", "ubuntu"] as const;
/**
 * `alinux2`: Alibaba Cloud Linux 2 and CentOS 7 (network-scripts, ifcfg aliases, rc.local);
 * `alinux3`: Alibaba Cloud Linux 3, RHEL, Rocky and Alma 8.1+ (NetworkManager 1.18+, `nmcli`);
 * `ubuntu`: Ubuntu 18.04 and later (netplan).
 */
export type GuestOs = (typeof GUEST_OS)[number];

/** What the renderer needs; every address is plain text. */
export interface GuestRoutingArgs {
    /** How the guest configures its network. Default: `alinux2` (the tutorial's). */
    os?: GuestOs;
    /** Primary private IPv4 address of the secondary ENI (the tutorial's 172.16.x.57). */
    primaryIp: string;
    /** Secondary private IPv4 addresses, in the order of their aliases `eth1:0`, `eth1:1`, …; each once. */
    secondaryIps: readonly string[];
    /** IPv4 block of the ENI's vSwitch; gives the gateway and the netmask. */
    vSwitchCidr: string;
    /**
     * Device name of the ENI in the guest: a letter, then letters and digits, at most 15 (Linux's
     * IFNAMSIZ). Default: `eth1` (the first secondary ENI).
     */
    device?: string;
    /**
     * Policy routing table id, also the metric of the device's default route: a whole number from
     * 1 to 4294967295 but 253–255 (the kernel's default, main and local tables). Default: 1001.
     */
    table?: number;
}

/** One ENI of {@link GuestEnisArgs}: its guest device, its table and its addresses. */
export interface GuestEniArgs {
    /** Device name of the ENI in the guest (as {@link GuestRoutingArgs.device}); each once. */
    device: string;
    /** Policy routing table id and default-route metric (as {@link GuestRoutingArgs.table}); each once. */
    table: number;
    /** Primary private IPv4 address of the ENI. */
    primaryIp: string;
    /** Secondary private IPv4 addresses, in the order of their aliases `<device>:0`, `<device>:1`, …. */
    secondaryIps: readonly string[];
}

/**
 * What the renderer needs for several secondary ENIs of one instance in one vSwitch: one script
 * configures them all, each ENI answering from its own addresses through its own table.
 */
export interface GuestEnisArgs {
    /** How the guest configures its network. Default: `alinux2` (the tutorial's). */
    os?: GuestOs;
    /** IPv4 block of the ENIs' vSwitch; gives the gateway and the netmask. */
    vSwitchCidr: string;
    /** The ENIs, at least one; devices, tables and addresses each once across them. */
    enis: readonly GuestEniArgs[];
}

/**
 * Device names the scripts write: a letter, then lowercase letters and digits, at most 15
 * characters (IFNAMSIZ is 16 with the terminating NUL, include/uapi/linux/if.h). Stricter than
 * the kernel's `dev_valid_name` (no '/', ':' or blanks), so nothing in a name reaches the shell
 * as anything but a name.
 */
const DEVICE_NAME = /^[a-z][a-z0-9]{0,14}$/;
/** Routing tables the kernel keeps for itself (iproute2's rt_tables: 253 default, 254 main, 255 local). */
const RESERVED_TABLES: readonly number[] = [253, 254, 255];

const DEVICE_SHAPE = z.string().refine(name => DEVICE_NAME.test(name), {
    message: "is not a network device name (a letter, then lowercase letters and digits, at most 15)",
    params: { fix: "Use the guest's name of the ENI, e.g. eth1." },
});

const TABLE_SHAPE = wholeNumber(1, 2 ** 32 - 1).refine(table => !RESERVED_TABLES.includes(table), {
    message: "is a table the kernel keeps for itself (253 default, 254 main, 255 local)",
    params: { fix: "Use another table id, e.g. 1001." },
});

/** The shape of {@link GuestRoutingArgs}: what reaches the script is checked text, never shell syntax. */
const GUEST_ROUTING_SHAPE = argsShape<GuestRoutingArgs>()(
    z.strictObject({
        os: z.enum(GUEST_OS).optional(),
        primaryIp: text,
        secondaryIps: z.array(text).readonly(),
        vSwitchCidr: text,
        device: DEVICE_SHAPE.optional(),
        table: TABLE_SHAPE.optional(),
    }),
);

/** The shape of {@link GuestEnisArgs}. */
const GUEST_ENIS_SHAPE = argsShape<GuestEnisArgs>()(
    z.strictObject({
        os: z.enum(GUEST_OS).optional(),
        vSwitchCidr: text,
        enis: z
            .array(
                z
                    .strictObject({
                        device: DEVICE_SHAPE,
                        table: TABLE_SHAPE,
                        primaryIp: text,
                        secondaryIps: z.array(text).readonly(),
                    })
                    .readonly(),
            )
            .readonly(),
    }),
);

/**
 * The gateway of a vSwitch: its last address but two (x.253 of a /24). Alibaba Cloud reserves
 * the first and the last three addresses of every vSwitch and answers as gateway on this one.
 */
export function vSwitchGateway(cidr: string): string {
    return addressAt(cidr, -3);
}

/** The IPv4 netmask of a prefix length, e.g. 24 → 255.255.255.0. */
export function ipv4Netmask(prefix: number): string {
    validate("ipv4Netmask", problems => {
        checkShape(problems.under("prefix"), wholeNumber(0, 32), prefix);
    });
    return formatIp(4, ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - prefix)) - 1n));
}

/** The ifcfg file of alias `index` of `device`, as step 4 of the tutorial writes it. */
export function renderIfcfgAlias(device: string, index: number, ip: string, netmask: string): string {
    validate("renderIfcfgAlias", problems => {
        checkShape(problems.under("device"), DEVICE_SHAPE, device);
        checkShape(problems.under("index"), wholeNumber(0, 1000), index);
        checkIp(problems, "ip", ip, 4);
        checkIp(problems, "netmask", netmask, 4);
    });
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
    const net = validate("renderRoutingCommands", problems => checkGuestNetwork(problems, args))!;
    return routingCommands(net, net.enis[0]);
}

function routingCommands({ gateway }: GuestNetwork, { device, table, addresses }: GuestEni): string[] {
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
    // validate throws when the check recorded a problem, and the check returns the network when it recorded none.
    return renderFor(validate("renderGuestScript", problems => checkGuestNetwork(problems, args))!);
}

/**
 * One bash script doing steps 4 and 6 for several secondary ENIs of one vSwitch, safe to run
 * again: each ENI gets its addresses and its own table, so every address's replies leave through
 * the ENI its EIP is associated with. For one ENI it is {@link renderGuestScript}'s script.
 */
export function renderEnisGuestScript(args: GuestEnisArgs): string {
    return renderFor(validate("renderEnisGuestScript", problems => checkGuestEnis(problems, args))!);
}

function renderFor(net: GuestNetwork): string {
    switch (net.os) {
        case "alinux3":
            return renderNetworkManagerScript(net);
        case "ubuntu":
            return renderNetplanScript(net);
        default:
            return renderNetworkScriptsScript(net);
    }
}

/** One ENI as the scripts write it. */
interface GuestEni {
    readonly device: string;
    readonly table: number;
    /** The primary address, then the secondaries (the aliases `<device>:0`, `<device>:1`, …). */
    readonly addresses: readonly string[];
}

/** The guest's network as the scripts write it: every default resolved, what the block gives, the ENIs. */
interface GuestNetwork {
    readonly os: GuestOs;
    readonly cidr: Cidr;
    readonly netmask: string;
    readonly gateway: string;
    /** At least one. */
    readonly enis: readonly GuestEni[];
}

/**
 * Checks `args` (shape first: untyped callers, and a script run as root) and resolves their
 * defaults, once: the tutorial's OS, and the first secondary ENI's device and table. The
 * addresses are IPv4, each once, and written canonically. Undefined when it recorded a problem.
 */
function checkGuestNetwork(problems: Problems, args: GuestRoutingArgs): GuestNetwork | undefined {
    const before = problems.count;
    if (!checkShape(problems, GUEST_ROUTING_SHAPE, args)) return undefined;
    const cidr = checkVSwitchCidr(problems, args.vSwitchCidr);
    const eni = checkAddresses(problems, [{ ...args, device: args.device ?? "eth1", table: args.table ?? 1001 }], i =>
        i === 0 ? "primaryIp" : `secondaryIps[${i - 1}]`,
    );
    if (problems.count > before || !cidr) return undefined;
    return network(args.os, cidr, eni);
}

/**
 * Checks {@link GuestEnisArgs} as {@link checkGuestNetwork} checks one ENI's, and that the ENIs
 * share no device, table or address. Undefined when it recorded a problem.
 */
function checkGuestEnis(problems: Problems, args: GuestEnisArgs): GuestNetwork | undefined {
    const before = problems.count;
    if (!checkShape(problems, GUEST_ENIS_SHAPE, args)) return undefined;
    if (args.enis.length === 0) {
        problems.add("enis", "no ENI is given.", "List at least one ENI.");
        return undefined;
    }
    const cidr = checkVSwitchCidr(problems, args.vSwitchCidr);
    const enis = checkAddresses(problems, args.enis, (i, eni) =>
        i === 0 ? `enis[${eni}].primaryIp` : `enis[${eni}].secondaryIps[${i - 1}]`,
    );
    checkUnique(
        problems,
        args.enis.map((e, i) => ({ path: `enis[${i}].device`, key: e.device })),
        "device",
    );
    checkUnique(
        problems,
        args.enis.map((e, i) => ({ path: `enis[${i}].table`, key: String(e.table) })),
        "routing table",
    );
    if (problems.count > before || !cidr) return undefined;
    return network(args.os, cidr, enis);
}

function network(os: GuestOs | undefined, cidr: Cidr, enis: GuestEni[]): GuestNetwork {
    return {
        os: os ?? "alinux2",
        cidr,
        netmask: ipv4Netmask(cidr.prefix),
        gateway: vSwitchGateway(cidr.text),
        enis,
    };
}

function checkVSwitchCidr(problems: Problems, text: string): Cidr | undefined {
    const cidr = checkCidr(problems, "vSwitchCidr", text, 4);
    // Alibaba Cloud's vSwitches are /16 to /29: a longer block has no room for the four reserved addresses.
    if (cidr && cidr.prefix > 29) {
        problems.add(
            "vSwitchCidr",
            `${cidr.text} is /${cidr.prefix}; a vSwitch is /16 to /29.`,
            "Pass the vSwitch's block.",
        );
    }
    return cidr;
}

/**
 * The ENIs with their addresses canonical; every address IPv4 and each once across the ENIs.
 * `pathOf(i, eni)` is the path of address `i` (0: the primary) of ENI `eni`.
 */
function checkAddresses(
    problems: Problems,
    enis: readonly GuestEniArgs[],
    pathOf: (i: number, eni: number) => string,
): GuestEni[] {
    // Where the addresses lie is the ENI's business (MultiEipEni checks the ones it is given; the
    // cloud picks the others): the script needs them well formed and distinct.
    const parsed: Array<{ path: string; key: string }> = [];
    const result = enis.map(({ device, table, primaryIp, secondaryIps }, eni) => {
        const addresses: string[] = [];
        [primaryIp, ...secondaryIps].forEach((ip, i) => {
            const path = pathOf(i, eni);
            const address = checkIp(problems, path, ip, 4);
            if (!address) return;
            parsed.push({ path, key: address.text });
            addresses.push(address.text);
        });
        return { device, table, addresses };
    });
    checkUnique(problems, parsed, "address");
    return result;
}

/** The lines every script opens with: shebang, what it configures, strict mode. */
function opening({ enis, cidr, gateway, netmask }: GuestNetwork): string[] {
    return [
        "#!/bin/bash",
        ...enis.map(
            ({ device, addresses: [primaryIp, ...secondaryIps] }) =>
                `# Secondary ENI ${device}: ${primaryIp} (primary)${secondaryIps.map(ip => `, ${ip}`).join("")}; ` +
                `vSwitch ${cidr.text}, gateway ${gateway}, netmask ${netmask}.`,
        ),
        "set -euo pipefail",
        "",
    ];
}

/**
 * NetworkManager: one connection profile of its own on each ENI with every address, the default
 * route at the table's metric, and the policy routes and rules (`ipv4.routes … table=`,
 * `ipv4.routing-rules`, NetworkManager 1.18+), which NetworkManager restores at boot. Re-running
 * replaces the profiles.
 */
function renderNetworkManagerScript(net: GuestNetwork): string {
    const { cidr, gateway } = net;
    const profileOf = ({ device, table, addresses }: GuestEni): string[] => {
        const profile = `topologies-${device}`;
        const rules = addresses.map(ip => `priority ${table} from ${ip} table ${table}`).join(", ");
        return [
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
        ];
    };
    return [...opening(net), ...net.enis.flatMap(profileOf)].join("\n");
}

/**
 * netplan: a file of its own for each ENI with every address, the default route at the table's
 * metric, and the policy routes; re-running rewrites them, and one `netplan apply` applies all.
 */
function renderNetplanScript(net: GuestNetwork): string {
    const { cidr, gateway } = net;
    const fileOf = ({ device, table, addresses }: GuestEni): string[] => [
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
    ];
    return [...opening(net), ...net.enis.flatMap(fileOf), "netplan apply", ""].join("\n");
}

/**
 * network-scripts (the tutorial's): it rewrites the ifcfg aliases of every ENI, restarts the
 * network once, replaces (not appends) each ENI's own block in /etc/rc.local, and clears each
 * ENI's routes and rules before adding them, so a second run does not fail on "File exists".
 */
function renderNetworkScriptsScript(net: GuestNetwork): string {
    const { netmask, gateway, enis } = net;
    const aliases = enis.flatMap(({ device, addresses: [, ...secondaryIps] }) =>
        secondaryIps.map((ip, i) =>
            [
                `cat > /etc/sysconfig/network-scripts/ifcfg-${device}:${i} <<'EOF'`,
                renderIfcfgAlias(device, i, ip, netmask),
                "EOF",
            ].join("\n"),
        ),
    );
    const persist = (eni: GuestEni): string[] => {
        const begin = `# BEGIN topologies multi-eip-eni ${eni.device}`;
        const end = `# END topologies multi-eip-eni ${eni.device}`;
        return [
            `sed -i --follow-symlinks '/^${begin}$/,/^${end}$/d' /etc/rc.local`,
            "cat >> /etc/rc.local <<'EOF'",
            begin,
            ...routingCommands(net, eni),
            end,
            "EOF",
        ];
    };
    const apply = (eni: GuestEni): string[] => [
        `ip -4 route del default via ${gateway} dev ${eni.device} metric ${eni.table} 2>/dev/null || true`,
        `ip -4 route flush table ${eni.table} 2>/dev/null || true`,
        `while ip -4 rule del lookup ${eni.table} 2>/dev/null; do :; done`,
        ...routingCommands(net, eni),
    ];
    return [
        ...opening(net),
        `# Secondary private addresses as aliases of the ENI${enis.length > 1 ? "s" : ""}.`,
        ...aliases,
        "service network restart",
        "",
        "# Persist the policy routing across reboots.",
        // On CentOS 7 / Alibaba Cloud Linux 2, /etc/rc.local links to /etc/rc.d/rc.local, the file
        // boot runs: a plain `sed -i` would replace the link by a copy nothing runs.
        "touch /etc/rc.local",
        ...enis.flatMap(persist),
        "chmod +x /etc/rc.local",
        "",
        "# Apply it now, clearing what an earlier run left.",
        ...enis.flatMap(apply),
        "",
    ].join("\n");
}
