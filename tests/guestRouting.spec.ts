import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import {
    ipv4Netmask,
    renderGuestScript,
    renderIfcfgAlias,
    renderRoutingCommands,
    vSwitchGateway,
} from "../components/alicloud/guestRouting";
import { problemLines } from "./mocks";

// The tutorial (seed 001) masks the third octet: 172.16.**.57 / .77 / .78 behind 172.16.**.253.
// A /24 vSwitch 172.16.0.0/24 is the smallest block with those addresses and that gateway.
const TUTORIAL = {
    primaryIp: "172.16.0.57",
    secondaryIps: ["172.16.0.77", "172.16.0.78"],
    vSwitchCidr: "172.16.0.0/24",
};

describe("guestRouting: gateway and netmask", () => {
    it("puts the gateway on the vSwitch's last address but two (x.253 of a /24)", () => {
        assert.equal(vSwitchGateway("172.16.0.0/24"), "172.16.0.253");
        assert.equal(vSwitchGateway("172.16.0.0/20"), "172.16.15.253");
        assert.equal(vSwitchGateway("192.168.1.0/29"), "192.168.1.5");
    });

    it("derives the netmask from the prefix", () => {
        assert.equal(ipv4Netmask(24), "255.255.255.0");
        assert.equal(ipv4Netmask(20), "255.255.240.0");
        assert.equal(ipv4Netmask(16), "255.255.0.0");
        assert.equal(ipv4Netmask(29), "255.255.255.248");
    });
});

describe("guestRouting: the tutorial's commands", () => {
    it("writes ifcfg-eth1:N as step 4 does", () => {
        // Step 4, with the fields the seed shows on one line.
        assert.equal(
            renderIfcfgAlias("eth1", 0, "172.16.0.77", "255.255.255.0").split("\n").join(" "),
            "DEVICE=eth1:0 TYPE=Ethernet BOOTPROTO=static ONBOOT=yes IPADDR=172.16.0.77 NETMASK=255.255.255.0",
        );
        assert.equal(
            renderIfcfgAlias("eth1", 1, "172.16.0.78", "255.255.255.0").split("\n").join(" "),
            "DEVICE=eth1:1 TYPE=Ethernet BOOTPROTO=static ONBOOT=yes IPADDR=172.16.0.78 NETMASK=255.255.255.0",
        );
    });

    it("routes as step 6 does, the primary address first", () => {
        assert.deepEqual(renderRoutingCommands(TUTORIAL), [
            "ip -4 route add default via 172.16.0.253 dev eth1 metric 1001",
            "ip -4 route add default via 172.16.0.253 dev eth1 table 1001",
            "ip -4 rule add from 172.16.0.57 lookup 1001",
            "ip -4 rule add from 172.16.0.77 lookup 1001",
            "ip -4 rule add from 172.16.0.78 lookup 1001",
        ]);
    });

    it("uses another device and table for a later ENI", () => {
        assert.deepEqual(renderRoutingCommands({ ...TUTORIAL, secondaryIps: [], device: "eth2", table: 1002 }), [
            "ip -4 route add default via 172.16.0.253 dev eth2 metric 1002",
            "ip -4 route add default via 172.16.0.253 dev eth2 table 1002",
            "ip -4 rule add from 172.16.0.57 lookup 1002",
        ]);
    });
});

describe("guestRouting: the script", () => {
    const script = renderGuestScript(TUTORIAL);

    it("is valid bash", () => {
        const check = spawnSync("bash", ["-n"], { input: script });
        assert.equal(check.status, 0, check.stderr.toString());
    });

    it("writes the aliases, restarts the network, persists and applies the routing", () => {
        const lines = script.split("\n");
        assert.equal(lines[0], "#!/bin/bash");
        const alias0 = lines.indexOf("cat > /etc/sysconfig/network-scripts/ifcfg-eth1:0 <<'EOF'");
        const alias1 = lines.indexOf("cat > /etc/sysconfig/network-scripts/ifcfg-eth1:1 <<'EOF'");
        assert.ok(alias0 > 0 && alias1 > alias0);
        assert.deepEqual(lines.slice(alias0 + 1, alias0 + 8), [
            ...renderIfcfgAlias("eth1", 0, "172.16.0.77", "255.255.255.0").split("\n"),
            "EOF",
        ]);
        assert.deepEqual(lines.slice(alias1 + 1, alias1 + 8), [
            ...renderIfcfgAlias("eth1", 1, "172.16.0.78", "255.255.255.0").split("\n"),
            "EOF",
        ]);
        assert.ok(lines.indexOf("service network restart") > alias1);

        const begin = lines.indexOf("# BEGIN topologies multi-eip-eni eth1");
        assert.deepEqual(lines.slice(begin + 1, begin + 6), renderRoutingCommands(TUTORIAL));
        assert.equal(lines[begin + 6], "# END topologies multi-eip-eni eth1");
        assert.ok(lines.includes("chmod +x /etc/rc.local"));

        // Applied now, after the persisted copy, once each.
        for (const command of renderRoutingCommands(TUTORIAL)) {
            assert.equal(lines.filter(l => l === command).length, 2, command);
            assert.ok(lines.lastIndexOf(command) > begin + 6, command);
        }
    });

    it("replaces its rc.local block on a second run instead of appending another", () => {
        const lines = script.split("\n");
        const persist = lines.slice(
            lines.indexOf("# Persist the policy routing across reboots."),
            lines.indexOf("chmod +x /etc/rc.local"),
        );
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rclocal-"));
        const rcLocal = path.join(dir, "rc.local");
        fs.writeFileSync(rcLocal, "#!/bin/bash\ntouch /var/lock/subsys/local\n");
        const part = persist.join("\n").split("/etc/rc.local").join(rcLocal);
        for (let run = 0; run < 2; run++) {
            const result = spawnSync("bash", ["-e"], { input: part });
            assert.equal(result.status, 0, result.stderr.toString());
        }
        const content = fs.readFileSync(rcLocal, "utf8");
        fs.rmSync(dir, { recursive: true });
        assert.equal(
            content,
            [
                "#!/bin/bash",
                "touch /var/lock/subsys/local",
                "# BEGIN topologies multi-eip-eni eth1",
                ...renderRoutingCommands(TUTORIAL),
                "# END topologies multi-eip-eni eth1",
                "",
            ].join("\n"),
        );
    });

    it("persists through the /etc/rc.local symlink of CentOS 7 / Alibaba Cloud Linux 2, which boot runs as rc.d/rc.local", () => {
        // sed -i without --follow-symlinks would replace the link by a copy that boot never runs.
        const lines = script.split("\n");
        const persist = lines.slice(
            lines.indexOf("# Persist the policy routing across reboots."),
            lines.indexOf("chmod +x /etc/rc.local") + 1,
        );
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rclocal-"));
        fs.mkdirSync(path.join(dir, "rc.d"));
        const target = path.join(dir, "rc.d", "rc.local");
        const link = path.join(dir, "rc.local");
        fs.writeFileSync(target, "#!/bin/bash\ntouch /var/lock/subsys/local\n", { mode: 0o644 });
        fs.symlinkSync("rc.d/rc.local", link);
        const part = persist.join("\n").split("/etc/rc.local").join(link);
        for (let run = 0; run < 2; run++) {
            const result = spawnSync("bash", ["-e"], { input: part });
            assert.equal(result.status, 0, result.stderr.toString());
        }
        const stillLink = fs.lstatSync(link).isSymbolicLink();
        const content = fs.readFileSync(target, "utf8");
        const executable = (fs.statSync(target).mode & 0o100) !== 0;
        fs.rmSync(dir, { recursive: true });
        assert.ok(stillLink, "/etc/rc.local must stay a link to rc.d/rc.local");
        assert.ok(executable, "rc.d/rc.local must be executable or systemd's rc-local.service skips it");
        assert.equal(content.split("# BEGIN topologies multi-eip-eni eth1").length, 2, content);
        assert.ok(content.includes(renderRoutingCommands(TUTORIAL).join("\n")), content);
    });

    it("writes no alias when the ENI has only its primary address", () => {
        const single = renderGuestScript({ ...TUTORIAL, secondaryIps: [] });
        assert.ok(!single.includes("ifcfg-"));
        assert.ok(single.includes("ip -4 rule add from 172.16.0.57 lookup 1001"));
    });
});

describe("guestRouting: a script per guest OS", () => {
    it("configures Alibaba Cloud Linux 3 through NetworkManager: one profile with every address, the metric default route, policy routes and rules", () => {
        const script = renderGuestScript({ ...TUTORIAL, os: "alinux3" });
        assert.doesNotMatch(
            script,
            /network-scripts|service network restart|rc\.local/,
            "AL3 runs neither network-scripts nor rc.local by default",
        );
        assert.match(
            script,
            /nmcli connection add type ethernet ifname eth1 con-name topologies-eth1 connection\.autoconnect yes \\\n/,
        );
        assert.match(
            script,
            /ipv4\.method manual ipv4\.addresses "172\.16\.0\.57\/24,172\.16\.0\.77\/24,172\.16\.0\.78\/24"/,
        );
        assert.match(script, /ipv4\.gateway 172\.16\.0\.253 ipv4\.route-metric 1001/);
        assert.match(script, /ipv4\.routes "0\.0\.0\.0\/0 172\.16\.0\.253 table=1001"/);
        assert.match(
            script,
            /ipv4\.routing-rules "priority 1001 from 172\.16\.0\.57 table 1001, priority 1001 from 172\.16\.0\.77 table 1001, priority 1001 from 172\.16\.0\.78 table 1001"/,
        );
        assert.match(script, /nmcli connection up topologies-eth1\n/);
        // Profiles bound to eth1 by name lose it too, not only the one active on it (they would take it back at boot).
        assert.match(script, /connection\.interface-name connection show "\$c"\)" = eth1 \]/);
        assert.match(script, /nmcli connection modify "\$c" connection\.autoconnect no/);
        const check = spawnSync("bash", ["-n"], { input: script });
        assert.equal(check.status, 0, String(check.stderr));
    });

    it("configures Ubuntu through netplan: a file of its own with every address, routes and routing policy", () => {
        const script = renderGuestScript({ ...TUTORIAL, os: "ubuntu", device: "eth2", table: 1002 });
        assert.match(script, /cat > \/etc\/netplan\/60-topologies-eth2\.yaml <<'EOF'\n/);
        assert.match(script, / {6}addresses: \[172\.16\.0\.57\/24, 172\.16\.0\.77\/24, 172\.16\.0\.78\/24\]\n/);
        assert.match(script, /- \{ to: 0\.0\.0\.0\/0, via: 172\.16\.0\.253, metric: 1002 \}/);
        assert.match(script, /- \{ to: 0\.0\.0\.0\/0, via: 172\.16\.0\.253, table: 1002 \}/);
        assert.equal([...script.matchAll(/- \{ from: 172\.16\.0\.\d+, table: 1002 \}/g)].length, 3);
        assert.match(script, /netplan apply\n/);
        assert.equal(spawnSync("bash", ["-n"], { input: script }).status, 0);
        // The file netplan reads, parsed: every address, both routes, one rule per address.
        const body = script.split("<<'EOF'\n")[1].split("\nEOF\n")[0];
        const eth2 = (parse(body) as { network: { version: number; ethernets: Record<string, any> } }).network.ethernets
            .eth2;
        assert.deepEqual(eth2, {
            dhcp4: false,
            addresses: ["172.16.0.57/24", "172.16.0.77/24", "172.16.0.78/24"],
            routes: [
                { to: "0.0.0.0/0", via: "172.16.0.253", metric: 1002 },
                { to: "0.0.0.0/0", via: "172.16.0.253", table: 1002 },
            ],
            "routing-policy": ["172.16.0.57", "172.16.0.77", "172.16.0.78"].map(from => ({ from, table: 1002 })),
        });
    });

    it("keeps the tutorial's network-scripts for Alibaba Cloud Linux 2, the default", () => {
        assert.equal(renderGuestScript(TUTORIAL), renderGuestScript({ ...TUTORIAL, os: "alinux2" }));
        assert.match(renderGuestScript(TUTORIAL), /service network restart/);
    });
});

describe("guestRouting: untyped input (the script runs as root)", () => {
    const NOT_A_DEVICE = "is not a network device name (a letter, then lowercase letters and digits, at most 15).";
    const twice = ["172.16.0.77", "172.16.0.77"];

    it("refuses addresses, devices and tables that are not what they claim, so no shell syntax reaches the script", () => {
        assert.deepEqual(
            problemLines(() => renderGuestScript({ ...TUTORIAL, primaryIp: "172.16.0.57; reboot" })),
            [
                "primaryIp: '172.16.0.57; reboot' is not an IPv4 or IPv6 address; write it like 192.168.7.10 or 2408:4000::10.",
            ],
        );
        assert.deepEqual(
            problemLines(() => renderGuestScript({ ...TUTORIAL, device: "eth1 && reboot", table: 254 })),
            [
                `device: "eth1 && reboot": ${NOT_A_DEVICE}`,
                "table: 254: is a table the kernel keeps for itself (253 default, 254 main, 255 local).",
            ],
        );
        assert.deepEqual(
            problemLines(() => renderRoutingCommands({ ...TUTORIAL, secondaryIps: twice, table: 1.5 })),
            ["table: 1.5: is not a whole number from 1 to 4294967295."],
        );
        assert.deepEqual(
            problemLines(() => renderRoutingCommands({ ...TUTORIAL, secondaryIps: twice })),
            ["secondaryIps[1]: address '172.16.0.77' is used again (first at secondaryIps[0])."],
        );
    });

    it("refuses args of the wrong shape at their paths, never with a TypeError", () => {
        assert.deepEqual(
            problemLines(() => renderGuestScript(null as never)),
            [": expected object, got null."],
        );
        const untyped = { ...TUTORIAL, secondaryIps: "172.16.0.77", os: "windows" } as never;
        assert.deepEqual(
            problemLines(() => renderGuestScript(untyped)),
            ['os: "windows" is not accepted.', 'secondaryIps: expected array, got "172.16.0.77".'],
        );
        assert.deepEqual(
            problemLines(() => renderGuestScript({ ...TUTORIAL, vSwitchCidr: "172.16.0.0/31" })),
            ["vSwitchCidr: 172.16.0.0/31 is /31; a vSwitch is /16 to /29."],
        );
    });

    it("checks what the small renderers take too", () => {
        assert.deepEqual(
            problemLines(() => ipv4Netmask(33)),
            ["prefix: 33: is not a whole number from 0 to 32."],
        );
        assert.deepEqual(
            problemLines(() => renderIfcfgAlias("eth1\nONBOOT=no", 0, "172.16.0.77", "255.255.255.0")),
            [`device: "eth1\\nONBOOT=no": ${NOT_A_DEVICE}`],
        );
    });
});
