/**
 * The doc of every field of the multi-language args (provider/args.ts), by type and field: what
 * the generated Python, Go, .NET and YAML SDKs show. Most say what the matching component arg
 * says; fields that exist only in a stack section say what the section does with them.
 */
export const TYPE_DOCS: Record<string, string> = {};

/** The fields every container of S5's task takes, the main one and the sidecars (AlbFargateService `ContainerRuntimeArgs`). */
const CONTAINER_RUNTIME_DOCS: Record<string, string> = {
    cpu: "CPU units reserved for the container (1024 = 1 vCPU), 0 or more. Default: none; containers share what is left. The reservations of all containers together must fit the task's `cpu`.",
    memory: "Hard memory limit in MiB, at least 6: the container is killed above it. Default: none, the task's memory. At most the task's `memory`; counts as its reservation when `memoryReservation` is not given.",
    memoryReservation:
        "Memory in MiB reserved for the container (a soft limit), at least 6 and below `memory`. Default: none. The reservations of all containers together must fit the task's `memory`.",
    command: "Replaces the image's `CMD`, e.g. `[\"--config=/etc/app.yaml\"]`. Default: the image's.",
    entryPoint: "Replaces the image's `ENTRYPOINT`. Default: the image's.",
    healthCheck:
        "The container's own health check, run by the ECS agent in the container (not the ALB's). Default: none (the image's own `HEALTHCHECK` is not run by ECS).",
    dependsOn:
        "Containers of the task this one waits for before it starts, each named once, with no cycle. Default: none. Needs Fargate platform version 1.3.0 or later.",
};

export const FIELD_DOCS: Record<string, Record<string, string>> = {
    CrossRegionAlbSection: {
        serverGroups:
            "Server groups besides the component's own, by name (letters, digits, `-`, `_`; not `default`, not a key of `backendRegions`), for `rules` to forward to: each holds demo servers of `servers.instances` in `backendVpc`, routed and admitted as the others. Default: none.",
        albVpc: "VPC of the ALB (tutorial: VPC1 in cn-chengdu, 172.16.0.0/12).",
        backendVpc: "VPC of the backends, in another region (tutorial: VPC2 in cn-hangzhou, 192.168.0.0/16).",
        albVSwitches:
            "Names of the vSwitches (in the ALB's VPC) the ALB sits in, one per zone, two zones or more. Default: the first vSwitch of each zone, in declaration order (S1's tutorial: VSW1 and VSW2; S3's: vSwitch 1 in zone E and vSwitch 2 in zone G).",
        backendVSwitches:
            "vSwitches (names in `backendVpc`) whose blocks the ALB VPC routes to the transit router. Default: those holding the backends' plain-string IPs (tutorial: VSW4, 192.168.7.0/24); all of the backend VPC's vSwitches when an IP is only known after deployment.",
        edition: "`Basic`, `Standard` or `StandardWithWaf`. Default: `Standard` (the tutorials').",
        addressType:
            "Network type of the ALB's IPv4 address, `Internet` or `Intranet`. Default: `Internet` (the tutorials').",
        listener:
            'The listener. Default: HTTP on port 80 (the tutorials\'). For a public site, HTTPS with your certificate: `{ protocol: "HTTPS", certificateId }` (HTTP on 80 then redirects to it).',
        deletionProtection:
            "Turn on the ALB's own deletion protection (`alb.LoadBalancer.deletionProtectionEnabled`, resource_alicloud_alb_load_balancer.go `deletion_protection_enabled`, changed in place): the cloud then refuses to delete the ALB, from the console, the API or `pulumi destroy`, until it is turned off in an update. Always sent, so turning it off takes effect (the provider keeps the cloud's value of a field left out). Default: false (the tutorials'); on for production.",
        backendPort: "Port of the backends that give none, 1–65535. Default: 80 (the tutorial's).",
        scheduler:
            "`Wrr` (weighted round robin), `Wlc` (weighted least connections) or `Sch` (source-IP hash). Default: `Wrr` (the tutorials').",
        healthCheck: "Health check of the server group. Default: on, HTTP `/` (the tutorials keep it on).",
        stickySession: "Session persistence (insert cookie). Default: false (the tutorial's).",
        backToOrigin:
            'Where the ALB fetches from, which the backends\' security groups admit (and S1 routes back through the CEN). Default: `{ mode: "vswitch" }`, how ALBs created since 2025 fetch: from addresses of their own vSwitches, so only those blocks are admitted. An ALB created before 2025 takes `{ mode: "legacy", cidrBlocks }`, the blocks its details page lists, each inside 100.64.0.0/10 and /24 or smaller: all of 100.64.0.0/10 would admit every tenant\'s ALBs. Checked before registration.',
        dns: "A CNAME record in Alibaba Cloud DNS pointing a name at the ALB, the name clients use: ALBs created since 2025 do not answer on their own DNS name. Default: none (point your own record at `dnsName`).",
        cenOptions:
            "Options of the network the component creates; not allowed together with `cen`. Default: each option's own default.",
        servers: "The demo ECS servers in the backend VPC: every one becomes a backend of the ALB.",
        weight: "Weight of every backend server in the server group, 0–100. Default: 100.",
        backendRegions:
            "More regions of backends, by a name (letters, digits, `-`, `_`): each its VPC and demo servers, on the same network, with every rule `backendVpc` has (one VPC per region, routes both ways through the transit routers, a connection from the ALB's region, the back-to-origin blocks admitted by its servers' security group). Each region gets its own server group, and a rule of priority 10000 on the forwarding listener splits every request between the regions by `backendWeight`. Each region must be a supported one, not the ALB's and not another backend region's, and its VPC may overlap no other. Default: none, `backendVpc`'s servers only.",
        backendWeight:
            "Weight of `backendVpc`'s server group in the rule splitting requests between the backend regions, 0–100 (0: no new requests; at least one region above 0). Default: 100. Refused without `backendRegions`.",
        acl: "An access control list on the ALB's listeners (the forwarding one and the HTTP redirect): `allow` or `deny` the listed CIDR blocks. Default: none, every source is served.",
        accessLog:
            "Access logs to Log Service: `{ project, logstore }` of existing ones, or `{ create: true }` for a project (named with a random suffix) and logstore the component creates. Default: none.",
        modificationProtection:
            'The console\'s modification protection of the ALB: `{ status: "ConsoleProtection", reason }` makes it read-only in the console, not to the API. Default: `NonProtection`.',
        rules: "Forwarding rules of the forwarding listener by name: hosts and paths to the server groups named (`default`: the component's own). Priorities 1–9999, unique. Default: none.",
    },
    CrossRegionAlbBackendRegion: {
        vpc: "VPC of the region's backends, in a region of its own (not the ALB's, not `backendVpc`'s, not another entry's).",
        servers:
            "The demo ECS servers in this region's VPC: every one becomes a backend of the ALB, in this region's server group.",
        backendVSwitches:
            "vSwitches (names in `vpc`) whose blocks the ALB VPC routes to the transit router. Default: those holding the servers (all of the VPC's vSwitches, since a server's IP is known only after deployment).",
        backendPort: "Port of the region's backends, 1–65535. Default: the section's `backendPort` (80).",
        backendWeight:
            "Weight of the region's server group in the rule splitting requests between the backend regions, 0–100. Default: 100.",
    },
    AlbAcl: {
        mode: "`allow`: only the listed sources reach the listeners (a whitelist); `deny`: the listed sources are refused (a blacklist).",
        entries:
            "Source blocks in CIDR form (a single address as `/32` or `/128`), at least one, each once, at most 500 (300 on a Basic ALB, 400 with an HTTP redirect listener). Checked before registration.",
        aclName:
            "Name of the ACL: 2–128 letters, digits, `-` or `_`, starting with a letter. Default: the component's name and `-acl`.",
    },
    AlbAccessLog: {
        create: "Create a Log Service project (named `<component>-alb-logs-<8 random characters>`) and logstore for the logs. Default: false.",
        project:
            "An existing Log Service project in the ALB's region: 3–63 lower-case letters, digits and `-`. Required without `create`, refused with it.",
        logstore:
            "The logstore: 3–63 lower-case letters, digits, `-` and `_`. Required without `create`; with `create`, default: `alb-access-log`.",
        retentionDays: "Days a created logstore keeps logs, 1–3650. Refused without `create`. Default: 30.",
    },
    AlbModificationProtection: {
        status: "`NonProtection` or `ConsoleProtection` (read-only in the console; the API can still change the ALB).",
        reason: "Why, shown in the console: 2–128 letters, digits, `.`, `_` or `-`, starting with a letter; only with `ConsoleProtection`. Default: none.",
    },
    AlbRule: {
        priority: "1 (first) to 9999, unique among the section's rules; 10000 is the component's own.",
        hosts: "Host names the rule matches, any of them, e.g. `api.example.com` or `*.example.com`. Default: any host (then `paths` is required).",
        paths: "Paths the rule matches, any of them, starting with `/`, e.g. `/api/*`. Default: any path (then `hosts` is required).",
        forward: "The server groups matching requests go to, at least one, each once.",
    },
    AlbRuleTarget: {
        serverGroup: "A key of the section's `serverGroups`, or `default` for the component's own server group.",
        weight: "Weight, 1–100, against the rule's other groups. Default: 100.",
    },
    CrossRegionAlbServerGroup: {
        servers:
            "The demo servers (keys of `servers.instances`) the group holds, at least one; a server may be in several groups.",
        serverGroupName:
            "Name of the server group in the console. Default: the component's name, `-` and the group's key.",
        scheduler: "`Wrr`, `Wlc` or `Sch`. Default: the component's (`Wrr`).",
    },
    DualStackAlbServerGroup: {
        backends:
            "Server name (a key of `servers.instances`) → the address family the ALB reaches it by, as in `backends`.",
        serverGroupName:
            "Name of the server group in the console. Default: the component's name, `-` and the group's key.",
        scheduler: "`Wrr`, `Wlc` or `Sch`. Default: the component's (`Wrr`).",
    },
    AlbListener: {
        protocol: "`HTTP` or `HTTPS`. Default: `HTTP` (the tutorials).",
        port: "Listener port, 1–65535. Default: 80 for HTTP (the tutorials), 443 for HTTPS.",
        certificateId:
            "Server certificate id: required with HTTPS, refused with HTTP. Checked before registration as text (not empty, no blanks; its form is not documented, so not checked further); an Output is checked when it resolves, before the listener is created. Default: none (the tutorials' HTTP listeners).",
        sslPolicy:
            "TLS security policy of an HTTPS listener, one of ALB_TLS_POLICIES; refused with HTTP. Default: ALB_DEFAULT_TLS_POLICY (TLS 1.2 strict and 1.3).",
        redirectHttpToHttps:
            'With HTTPS: also listen for HTTP on port 80 and answer every request there with a 301 redirect to the HTTPS listener (a forwarding rule matching every path, as the ALB documentation\'s "Redirect HTTP requests to an HTTPS listener" sets it up), so clients that type `http://` end up on HTTPS and nothing is served in plain text. `false`: no HTTP listener at all. Refused with HTTP (there is no HTTPS listener to redirect to) and with an HTTPS listener on port 80 (the port the redirect takes). Default: true with HTTPS, the counterpart of `AlbFargateService.redirectHttpToHttps`.',
    },
    AlbHealthCheck: {
        enabled: "Turn health checks on. Default: true (the tutorials keep them on).",
        protocol: "`HTTP`, `HTTPS`, `TCP` or `GRPC` (`gRPC` also accepted). Default: `HTTP`.",
        path: "URL path probed by HTTP(S) checks; starts with `/`, 1–80 characters. Default: `/`.",
        codes: 'Status codes that count as healthy. Default: `["http_2xx", "http_3xx"]`.',
        interval: "Seconds between checks, 1–50. Default: 2.",
        timeout: "Seconds to wait for an answer, 1–300. Default: 5.",
        healthyThreshold: "Successes before a server counts as healthy, 2–10. Default: 3.",
        unhealthyThreshold: "Failures before a server counts as unhealthy, 2–10. Default: 3.",
        port: "Port probed; 0 probes each server's own port. A fixed port is opened to the ALB in the backends' security groups too. Default: 0.",
    },
    CrossRegionAlbBackToOrigin: {
        cidrBlocks:
            "The blocks the console lists for the ALB, each inside 100.64.0.0/10 and /24 or smaller (S1's tutorial lists six /25 and /26 blocks). They are the only sources the backends' security groups admit (S1 routes them back through the CEN too).",
        mode: "`vswitch`: admit the ALB's vSwitch blocks (the ALB's back-to-origin addresses are in them); `legacy`: admit `cidrBlocks`, for ALBs that still send from 100.64.0.0/10.",
    },
    AlbDns: {
        domainName: "Domain hosted in Alibaba Cloud DNS, e.g. `example.com` (not `.sh` or `.tel`).",
        rr: "Host record: `@` for the domain itself, or e.g. `www`. Default: `@` (S3's tutorial). Alibaba Cloud DNS accepts a CNAME at `@`, but it conflicts with MX/TXT records of the domain.",
        ttl: "Seconds, 1–86400; the DNS edition sets the floor (Free: 600). Default: 600.",
    },
    CrossRegionAlbCenOptions: {
        cenInstanceName: "Name of the CEN instance. Default: the component's name.",
        peerBandwidthMbps:
            "Bandwidth of the inter-region connection, Mbit/s. Default: the CEN's (`CenTransitNetworkArgs.peerBandwidthMbps`).",
        bandwidthPackage:
            "The bandwidth plan the connection draws from (the tutorial buys one). Default: the CEN's, none: the connection is billed by the data it carries, up to `peerBandwidthMbps`.",
    },
    SharedNetworkPeering: {
        regions:
            "The two member regions the connection joins; the first one's transit router creates it. Checked before registration.",
        bandwidthMbps:
            'Bandwidth of the connection, Mbit/s (whole number, at least 1): allocated from the bandwidth package of its areas, or, billed by data transfer, the most it may carry ("the maximum bandwidth", CreateTransitRouterPeerAttachment `Bandwidth`), at most 100000. Checked before registration.',
        bandwidthType:
            "How the connection is billed: `BandwidthPackage` (from the package of its areas) or `DataTransfer` (by the data it carries, even when the network has packages). Default: from the package of its areas when the network has packages, else by data transfer. Checked before registration.",
    },
    CenBandwidthPackage: {
        bandwidthMbps:
            "Bandwidth of the package in Mbit/s (at least MIN_BANDWIDTH_PACKAGE_MBPS, the provider's minimum; a whole number, at most 100000). The bandwidths of the connections it serves must add up to no more than this. Checked before registration.",
        areas: 'The two geographic areas the package connects, e.g. `["China", "Europe"]` (the same area twice for connections inside one). Default: the areas of the network\'s connections, which must then be one pair. Required when there are several packages. Checked before registration.',
        paymentType:
            "Billing of a new package: `PrePaid` (a subscription: `pulumi destroy` cannot delete it, the provider only drops it from the state, and it bills until it expires) or `PostPaid`. Default: `PrePaid`, the provider's default and the only method every account may use. Checked before registration.",
        period: "Months of a new `PrePaid` package: 1, 2, 3, 6 or 12 (the provider's list; the API documents 1–3 and 6 for the monthly cycle the provider sends, so 12 is unconfirmed). Default: 1. Checked before registration; refused for a `PostPaid` package.",
        autoRenew:
            "Renew a new `PrePaid` package automatically when it expires, so inter-region traffic does not stop. Set at creation only: the provider neither reads it back nor updates it. Default: false, the provider's. Checked before registration; refused for a `PostPaid` package.",
    },
    Vpc: {
        region: "Region id, e.g. `cn-chengdu`. Checked before registration.",
        cidrBlock:
            "Primary IPv4 block, /8 to /28. Not inside 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16 or 224.0.0.0/4, which Alibaba Cloud reserves. Checked before registration.",
        vSwitches:
            "vSwitches by name; the names key the `vSwitches` output and are the vSwitches' names in the console (1 to 128 characters, no surrounding blanks). At least one. Checked before registration.",
        enableIpv6:
            "Assign an IPv6 /56 to the VPC and create an IPv6 gateway. Checked before registration. Default: false.",
        vpcName: "Name of the VPC in the console. Checked before registration. Default: the component's name.",
    },
    VpcVSwitch: {
        zoneId: "Zone id in the VPC's region, e.g. `cn-chengdu-a`. Checked before registration.",
        cidrBlock:
            "IPv4 block, /16 to /29, inside the VPC block and disjoint from the other vSwitches. Checked before registration; the canonical block is what the vSwitch is created with.",
        ipv6CidrBlockMask:
            "Index of this vSwitch's /64 inside the VPC's IPv6 /56: a whole number from 0 to 255, each used once. Setting it enables IPv6 on the vSwitch and requires `enableIpv6` on the VPC. Checked before registration. Default: no IPv6.",
    },
    SharedNetwork: {
        cenInstanceName:
            "Name of the CEN instance in the console. Default: the component's name. Checked before registration.",
        peerings:
            "The inter-region connections to make, each joining two member regions with its bandwidth: only the pairs the topologies' traffic crosses (a full mesh of five regions is ten connections). Default: a full mesh, every pair of member regions with `peerBandwidthMbps` each. Checked before registration.",
        peerBandwidthMbps:
            "Bandwidth of each full-mesh connection, Mbit/s: a whole number from 1 to 100000. Default: DEFAULT_PEER_BANDWIDTH_MBPS (10). Checked before registration.",
        bandwidthPackage:
            'The bandwidth package the inter-region connections draw from (the tutorial\'s "bandwidth plan"), for a network whose connections stay within one pair of geographic areas. Default: none; each connection is billed by the data it carries (`DataTransfer`), which costs nothing while idle and which `pulumi destroy` removes. Checked before registration.',
        bandwidthPackages:
            'Bandwidth packages for a network over several pairs of geographic areas, one per pair (a CEN takes one package per pair: AssociateCenBandwidthPackage, "You cannot attach more than one bandwidth plan for the same connected areas"), each with its `areas`. Every connection then draws from the package of its areas. Default: none (billed by data transfer). Checked before registration.',
    },
    MultiEipSection: {
        publicIpCount:
            "How many public addresses: each private IP of the secondary ENIs (every ENI's primary and its secondaries) is bound to its own EIP. A whole number from 1 to 1000, within the instance type's private IPs per ENI times `eniCount`, and the EIP quota. Checked before registration. Default: 3 (the tutorial's three sites), or the length of `privateIps`.",
        eniCount:
            "Secondary ENIs that carry the addresses: a whole number from 1 to 99, at most one per address, within the ENIs the instance type allows beside the instance's own. The addresses fill the ENIs in order, each up to the type's private IPs per ENI, leaving one for each ENI after it. Checked before registration. Default: as few as hold the addresses.",
        privateIps:
            "Private IPs to use instead of letting the vSwitch pick them, in the order they fill the ENIs (see `eniCount`): each ENI's first address is its primary, the others its secondaries; EIP n is bound to address n. Inside the vSwitch block, not one of its reserved addresses (first, and last three), no repeats. Checked before registration; the canonical addresses are what the ENI gets. Default: picked by the vSwitch.",
        eip: "How the EIPs are bought. Checked before registration. Default: pay-as-you-go, 5 Mbit/s, pay-by-bandwidth, BGP.",
        eipQuota:
            "EIPs the account may hold in the region (quota), a whole number from 1 to 100000. Checked before registration. Default: 20, Alibaba Cloud's default quota.",
        guestOs:
            "How the instance's OS configures its network, which decides the guest script: `alinux2` (Alibaba Cloud Linux 2, CentOS 7: network-scripts, as in the tutorial), `alinux3` (Alibaba Cloud Linux 3, RHEL 8.1+: NetworkManager, which does not run network-scripts), `ubuntu` (netplan). Checked before registration. Default: `alinux2`.",
        configureGuest:
            "Run the guest script on the instance through Cloud Assistant (`ecs.Command` + `ecs.EcsInvocation`, once, after the ENI and the EIPs are bound), so the topology works without a manual step; it runs again whenever the script changes. Needs `attach` and the Cloud Assistant agent, which Alibaba Cloud's public images carry. Checked before registration. Default: false (run `guestScript` yourself).",
        vpc: "The VPC of the server, created with the component.",
        servers: "The demo ECS servers; `server` names the one that gets the secondary ENI.",
        server: "Which of `servers.instances` gets the ENI and the EIPs.",
    },
    MultiEipEip: {
        bandwidth:
            "Peak bandwidth, Mbit/s, a whole number: 1–500 pay-by-bandwidth, 1–200 pay-by-traffic, 1–1000 subscription. Checked before registration. Default: 5.",
        internetChargeType:
            "`PayByBandwidth` or `PayByTraffic` (pay-as-you-go only). Checked before registration. Default: `PayByBandwidth`.",
        paymentType: "`PayAsYouGo` or `Subscription`. Checked before registration. Default: `PayAsYouGo`.",
        isp: "Line type, e.g. `BGP` or `BGP_PRO` (some regions only). Checked before registration. Default: `BGP`.",
        deletionProtection:
            "Turn on the EIPs' own deletion protection (`ecs.EipAddress.deletionProtection`): the cloud refuses to release them, from the console, the API or `pulumi destroy`, until it is turned off in an update. Always sent, so turning it off takes effect. Checked before registration: a boolean. Default: false; on for production.",
        sharedBandwidth:
            "Put every EIP in an Internet Shared Bandwidth instance (common bandwidth package): a new one the component buys (`{ bandwidth, internetChargeType?, ratio?, eipQuota? }`, pay-as-you-go, on the EIPs' line `isp`, in their region) or an existing one (`{ packageId }`). In a package the EIP's own bandwidth and metering no longer apply (the package's do); its configuration fee stays. Pay-as-you-go EIPs only. Checked before registration. Default: none, each EIP has its own bandwidth.",
    },
    MultiEipEipSharedBandwidth: {
        bandwidth:
            "Peak bandwidth the EIPs share, Mbit/s: a whole number from 1 to 1000 (CreateCommonBandwidthPackage, as the provider quotes it). Checked before registration. Required.",
        internetChargeType:
            "`PayByBandwidth`, `PayBy95` (enhanced 95th percentile, China site only; destroy leaves it) or `PayByDominantTraffic`. Checked before registration. Default: `PayByBandwidth`.",
        ratio: "Minimum bandwidth commitment of `PayBy95`, percent: only 20 is accepted. `PayBy95` only. Checked before registration. Default: 20 for `PayBy95`.",
        eipQuota:
            "EIPs one package may hold (quota): a whole number from 1 to 10000. Checked before registration against `publicIpCount`. Default: 100, Alibaba Cloud's default quota.",
        packageId:
            "Package id, `cbwp-…`, in the instance's region and of the EIPs' line type (`eip.isp`): the cloud checks both when the EIPs join. Checked before registration (its form); an Output is checked when it resolves.",
    },
    MeshFailoverCluster: {
        vpc: "The VPC the cluster lives in, created with it; its region is the cluster's. Checked before registration.",
        vSwitches:
            "Names of vSwitches of `vpc` for the control plane (and, by default, the nodes). At least one. Tutorial: `vpc-hangzhou-switch-1` (20.0.0.0/16) for ack-hangzhou. Checked before registration.",
        networkPlugin:
            "Container network plugin. Default: `flannel`, as in the tutorial. Cannot change after creation. Checked before registration.",
        podCidr:
            "Pod CIDR, Flannel only: outside the VPC, the Service CIDR and every other cluster on the same CEN. Tutorial: 10.0.0.0/16 (ack-hangzhou), 10.1.0.0/16 (ack-shanghai). Default: none; required with Flannel, refused with Terway. Checked before registration; the cluster takes its canonical form.",
        podVSwitches:
            "Names of vSwitches of `vpc` for pods, Terway only (same zones as `vSwitches`). Default: none; required with Terway, refused with Flannel. Checked before registration.",
        serviceCidr:
            "Service CIDR: outside the VPC and the Pod CIDR. Tutorial: 172.16.0.0/16 (ack-hangzhou), 172.17.0.0/16 (ack-shanghai). Checked before registration; the cluster takes its canonical form.",
        clusterSpec:
            "Control-plane tier. Default: `ack.pro.small` (ACK Pro, which ASM multi-cluster setups expect). Checked before registration.",
        kubernetesVersion:
            "Kubernetes version, as ACK reports it: `1.34.1-aliyun.1`. The provider reads back the full string (`CurrentVersion`) with no diff suppression, so a short `1.34` would show as a change on every run; a higher version upgrades the cluster in place (UpgradeCluster), and a pinned version older than the cluster's (after an upgrade outside Pulumi) is a downgrade ACK refuses. Default: the newest ACK offers at creation, followed afterwards without a diff. Its form is checked before registration.",
        deletionProtection:
            "Refuse deletion of the cluster through the API. Default: true (production). Checked before registration.",
        publicApiServer:
            "Public access to the API server, an explicit opt-in: `{ allowedSources }`, the IPv4 blocks allowed to reach it (your office's or VPN's egress; none that together cover the internet). The cluster then gets ACK's public endpoint (`slbInternetEnabled`, an EIP on the API server's CLB) and an SLB access control list `<name>-api-acl` holding the sources and the blocks ACK needs on such a whitelist (100.104.0.0/16 for its control plane, the cluster VPC for the nodes); the provider cannot attach it to ACK's 6443 listener, so the plan says how to, once. Default: none, a private API server on the internal CLB only, as Alibaba Cloud recommends (Cloud Config rule `ack-cluster-public-endpoint-check`, high risk). Then the cluster's Kubernetes `provider`, and all this stack applies through it (Bookinfo), reaches the API server at its internal address: run `pulumi up` from a machine in the cluster's VPC or a network joined to it (CEN, VPN Gateway, Express Connect); the plan warns of it. ACK creates the public endpoint at creation only (`slbInternetEnabled` is sent on CreateCluster and never updated): changing this on an existing cluster changes nothing in the cloud; bind or unbind the EIP in the ACK console. `true` (0.x: public to everyone) is refused with what to write. Checked before registration.",
        nodePool: "The worker node pool. Checked before registration.",
    },
    MeshFailoverClusterPublicApiServer: {
        allowedSources:
            "IPv4 blocks allowed to reach the API server, e.g. your office's or VPN's egress block: at least one, each once, and none that together cover the internet (`0.0.0.0/0`, `0.0.0.0/1` with `128.0.0.0/1`, …: refused, there is no way round). Checked before registration.",
    },
    MeshFailoverClusterNodePool: {
        instanceTypes:
            'ECS instance types, in order of preference, e.g. `["ecs.g7.xlarge"]`: `ecs.<family>.<size>`. At least one, each once. Checked before registration.',
        desiredSize:
            "Number of nodes (a whole number, 0–1000). Default: 2, enough for Bookinfo with its sidecars. Checked before registration.",
        systemDiskCategory:
            "System disk category, e.g. `cloud_essd`. Default: `cloud_essd`. Its form is checked before registration; the category itself is passed to the provider as is (the provider documents no list of values for node pools).",
        systemDiskSize: "System disk size in GiB (a whole number, 20–2048). Default: 120. Checked before registration.",
        keyName:
            "Name of an ECS key pair (in the cluster's region) the nodes accept for SSH login, as every provider example sets one. Default: none; the nodes take no SSH login, and are reached through Cloud Assistant or `kubectl debug` instead. Checked before registration against the key pair name rules; an Output is checked when it resolves, before the node pool is created.",
    },
    MeshFailoverMesh: {
        vpc: "The mesh's own VPC. Tutorial: vpc-hangzhou2, 192.168.0.0/16 in cn-hangzhou. Checked before registration.",
        vSwitch:
            "Name of the vSwitch of `vpc` for the mesh control plane. Tutorial: vpc-hangzhou-switch-2 (192.168.0.0/24). Checked before registration.",
        edition:
            "ASM edition: `Default` (Standard) or `Pro` (Professional). Default: `Pro`. Checked before registration.",
        version:
            "ASM version, e.g. `1.22.6.66` or `v1.22.6.71-g8ce85c40-aliyun`. The mesh is created with the full build string ASM offers for it (looked up with `servicemesh.getVersions`), the form ASM reports back, so the version never shows as a change; a new version upgrades the control plane in place (UpgradeMeshEditionPartially; sidecars and gateways follow by hand). Default: the newest ASM offers at creation, kept afterwards (never upgraded by an update). ASM 1.22 supports Kubernetes up to 1.30 if it follows Istio's support table (unconfirmed for ASM), older than the versions ACK creates clusters with today: pin a newer ASM with new clusters. Its form is checked before registration; whether ASM offers it, when the offered versions are looked up.",
        publicApiServer:
            "Public access to the mesh's API server (where Istio objects are written), an explicit opt-in: `{ allowedSources }`, the IPv4 blocks allowed to reach it (your office's or VPN's egress; none that together cover the internet). The mesh then gets a public EIP on its API server (`loadBalancer.apiServerPublicEip`) and an SLB access control list `<name>-api-acl` holding the sources and the mesh VPC, to attach to port 6443 of the API server's CLB (`apiServerLoadBalancerId`): the provider cannot, so the plan says how. The mesh also adds its vSwitch (where its control plane reaches the clusters from) to the allowlist of every member cluster with a public API server. Default: none, no public EIP, as for a cluster's API server (Alibaba Cloud rates a public API server endpoint a high risk). Either way this program writes the Istio objects through the kubeconfig the provider reads for the mesh, which is the one for its internal endpoint (`DescribeServiceMeshKubeconfig` with `PrivateIpAddress` true, terraform-provider-alicloud service_alicloud_service_mesh_v2.go): `pulumi up` runs from a machine that reaches the mesh VPC, and the plan says so; a public API server serves your own `kubectl`. The provider replaces a mesh whose `apiServerPublicEip` changes (ForceNew in resource_alicloud_service_mesh_service_mesh.go): choose before creating it. `true` (0.x: public to everyone) is refused with what to write. Checked before registration.",
        ingressGatewayClusters:
            "Names (keys of `clusters`) of the clusters the ingress gateway is deployed to (the IstioGateway's `clusterIds`). Default: the first cluster in the mesh's region, else the first cluster (the tutorial sends its test traffic to ack-hangzhou's gateway). Checked before registration.",
        mtls: "Mesh-wide mutual TLS: the mode of one `security.istio.io/v1` PeerAuthentication named `default` in Istio's root namespace (istio-system), applied to the ASM control plane through ServiceMesh.provider. `STRICT`: sidecars accept only mTLS, so a workload without a sidecar (a namespace not labelled for injection) can no longer call a meshed one; `PERMISSIVE`: mTLS and plain text (Istio's behaviour without a policy); `DISABLE`: plain text. A namespace or workload PeerAuthentication of your own overrides it. Default: `STRICT`. Needs ASM 1.22 or later (the first with `security.istio.io/v1`). Checked before registration.",
        peerBandwidthMbps:
            "Bandwidth of each inter-region connection of the mesh's CEN, Mbit/s, when it uses a bandwidth package. Default: billed by data transfer.",
        bandwidthPackage:
            "A CEN bandwidth package for the inter-region connections. Default: none (billed by data transfer).",
        bandwidthPackages: "Several CEN bandwidth packages, one per pair of geographic areas the clusters span.",
        observability:
            "What the mesh reports about its traffic, sent as the ASM instance's `meshConfig` beside locality load balancing (always on): sidecar access logs to SLS, tracing with its sampling percentage 0–100, Prometheus metrics (`telemetry`) and the Kiali mesh topology (`kiali`). The provider updates them in place. Default: none sent, ASM's own (off). Checked before registration.",
    },
    MeshFailoverMeshObservability: {
        accessLog: "Sidecar access logs to Simple Log Service. Default: not sent (ASM's default, off).",
        tracing: "Tracing and its sampling percentage. Default: not sent (ASM's default, off).",
        telemetry:
            "Collect Prometheus metrics (`meshConfig.telemetry`). Checked before registration: a boolean. Default: not sent (ASM's default, off).",
        kiali: "The Kiali mesh topology (`meshConfig.kiali.enabled`), which draws from the mesh's Prometheus metrics: `true` needs `telemetry: true` (ASM turns Kiali off without it). Default: not sent (ASM's default, off).",
    },
    MeshFailoverMeshObservabilityAccessLog: {
        enabled: "Collect the access logs (`meshConfig.accessLog.enabled`). Required.",
        project:
            "The SLS project the logs go to: 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit. Only with `enabled`. Checked before registration. Default: the project ASM creates for the mesh.",
    },
    MeshFailoverMeshObservabilityTracing: {
        enabled: "Report traces (`meshConfig.tracing`). Required.",
        sampleRate:
            "Percentage of requests traced (`meshConfig.pilot.traceSampling`): a number from 0 to 100, fractions allowed. Only with `enabled`. Checked before registration. Default: ASM's.",
    },
    MeshFailoverMeshPublicApiServer: {
        allowedSources:
            "IPv4 blocks allowed to reach the API server, e.g. your office's or VPN's egress block: at least one, each once, and none that together cover the internet (`0.0.0.0/0`, `0.0.0.0/1` with `128.0.0.0/1`, …: refused, there is no way round). Checked before registration.",
    },
    FargateSection: {
        region: "AWS region of every resource (tutorial: `ap-northeast-1`).",
        network:
            "The VPC the service runs in, created with it: public subnets (the ALB) and private subnets (the tasks) per zone, and how the tasks reach AWS APIs (`egress`). Tutorial: `10.1.0.0/16`, subnets in `ap-northeast-1a` and `ap-northeast-1c`. Default egress: VPC endpoints.",

        container: "The main container, the ALB's target. Always essential.",
        sidecars:
            "Extra containers of the task beside `container` (a collector, a proxy, an init step), in the task definition every service runs. Default: none. Names are unique in the task; `dependsOn` names containers of the task, with no cycle; the CPU and memory the containers reserve together fit the task's `cpu` and `memory`. Only `container` is the ALB's target.",
        taskRolePolicy:
            'IAM policy (JSON text of an object) of the task role, for the containers\' own AWS calls (a collector sending to X-Ray, say). Default: none, the task role has no permissions. An Allow of every action (`"*"`) is refused, and one of a whole service (`"s3:*"`) or a `NotAction` is warned about in the plan.',
        cpu: "Task CPU units (1024 = 1 vCPU). Default: 256.",
        memory: "Task memory in MiB; must pair with `cpu` as Fargate requires. Default: 512.",
        platformVersion:
            "Fargate platform version of the services' tasks: `LATEST` or a version such as `1.4.0`. Default: `LATEST`.",
        enableExecuteCommand:
            "ECS Exec: let operators run commands in the running containers (`aws ecs execute-command`) through Systems Manager Session Manager, with no inbound port. Default: false. For the whole component, not per service: the permission it needs is the task role's, and every service runs the one task definition with that role. When on, every service gets `enableExecuteCommand`, the task role gets the four `ssmmessages` channel actions (and nothing else), and a VPC created here with `vpcEndpoints` egress gets the `ssmmessages` interface endpoint (a TwoTierVpc given must list it in its `interfaceEndpoints`). Needs platform version 1.4.0 or later (or `LATEST`).",
        containerInsights:
            "CloudWatch Container Insights of the cluster created here: `enabled`, `enhanced` (adds task- and container-level metrics) or `disabled`. Default: not set, so the cluster takes the account's `containerInsights` setting (disabled unless the account turned it on). Refused with `clusterArn`: an existing cluster's settings are its owner's.",
        ephemeralStorageGiB:
            "Ephemeral storage of each task in GiB, 21–200. Default: not set, Fargate's 20 GiB. Needs platform version 1.4.0 or later (or `LATEST`).",
        logRetentionInDays: "Days the container logs are kept. Default: 30.",
        logGroupName:
            "Name of the CloudWatch Logs group, e.g. `/ecs/klein` (1–512 letters, digits and `. - _ / #`). Default: Pulumi's auto-name, `<component name>-logs-<7 random hex>`. An explicit name is kept on replacement, so keep it unique per stack.",
        services:
            "Services by key (the key names the service's resource), behind the shared target group, or each behind its own when it has `routing`. Default: one service `web`. Tutorial: two.",
        taskEgress:
            "Where else the tasks may send, by rule name (the name keys the rule, so editing one rule replaces only it). Default: none; the tasks reach only ECR, S3 and CloudWatch Logs on 443. With `vpcEndpoints` egress in a VPC created here, only destinations inside the VPC (or a security group, or a prefix list) have a route.",
        allowedCidrs: 'IPv4 blocks allowed to reach the listeners. Default: `["0.0.0.0/0"]`, listener ports only.',
        certificateArn:
            "ACM (or IAM server) certificate ARN; adds an HTTPS listener on 443. Default: none, HTTP only (as in the tutorial). Checked before registration; an Output is checked when it resolves.",
        certificate:
            "An ACM certificate made here and validated by DNS in a Route 53 zone (by default the `dns` record's name and zone), for the HTTPS listener on 443 instead of `certificateArn` (refused together). The listener takes it once ACM has issued it. Default: none.",
        dns: "A Route 53 alias record (`A`, and `AAAA` when dual-stack) for the ALB, in a zone you have; the stack's `s5Url` names it. Default: none.",
        accessLogs:
            "ALB access logs in S3: into a bucket you name, or into a bucket created here with the region's log delivery policy (kept on `pulumi destroy` while it holds logs, unless `forceDestroy`). Default: none.",
        internal:
            "An internal ALB, in the private subnets, with private addresses only and no way in from the internet. Default: false, internet-facing in the public subnets.",
        ipAddressType:
            "`ipv4`, or `dualstack` for IPv4 and IPv6 clients, which needs `network.ipv6`; `dns` then writes an `AAAA` record too. Default: `ipv4`.",
        idleTimeout: "Seconds a connection may stay idle before the ALB closes it, 1–4000. Default: 60, AWS's.",
        dropInvalidHeaderFields:
            "Drop HTTP header fields whose names are not valid instead of passing them to the tasks. Default: true (AWS's is false).",
        sslPolicy:
            "TLS policy of the HTTPS listener, one of the predefined policies of Elastic Load Balancing (`ELB_SSL_POLICIES`). Default: `ELBSecurityPolicy-TLS13-1-2-2021-06`.",
        redirectHttpToHttps:
            "Answer HTTP on 80 with a 301 redirect to HTTPS on 443, so nothing is served in plain text. `false` with a certificate: HTTP forwards to the tasks beside HTTPS. Refused without `certificateArn`. Default: true when `certificateArn` is set; the counterpart of the Alibaba ALB components' `listener.redirectHttpToHttps`.",
        deletionProtection:
            "Turn on the cloud's deletion protection of what holds state or an address clients use: the ALB (`aws.lb.LoadBalancer.enableDeletionProtection`; AWS refuses to delete it until the attribute is off, Elastic Load Balancing \"Deletion protection\") and the log group (`aws.cloudwatch.LogGroup.deletionProtectionEnabled`: its logs are not deleted with it). Both are always sent, so turning them off takes effect (the provider's docs: switching the log group's to false needs an explicit false). Default: false (the tutorial's); on for production.",
        healthCheck: "Target group health check. Default: `GET /` expecting 200 every 30 s.",
        deregistrationDelay:
            "Seconds the ALB drains a deregistered target, 0–3600. Default: 30 (AWS: 300), for faster deployments.",
        extraTargets:
            "Static IP targets registered next to the tasks. Default: none. Their own security groups must admit the ALB.",
    },
    FargateNetwork: {
        cidrBlock: "VPC IPv4 block, /16 to /28. Tutorial: `10.1.0.0/16`. Checked before registration.",
        publicSubnets:
            "Public subnets by name, routed to an internet gateway: the ALB (and NAT gateways) live here. Tutorial: `klein-public-1a`, `klein-public-1c`. A name is non-empty text without blanks or control characters; it names the subnet's resources.",
        privateSubnets:
            "Private subnets by name, with no route to the internet gateway: the tasks live here. Tutorial: `klein-private-1a`, `klein-private-1c` (`10.1.3.0/24` in `ap-northeast-1c`). Names as for `publicSubnets`.",
        egress: "How the private subnets reach ECR, S3 and CloudWatch Logs. Default: `vpcEndpoints`.",
        interfaceEndpoints:
            "More interface endpoints, by service suffix (`sqs` for `com.amazonaws.<region>.sqs`), beside ECR, CloudWatch Logs and those the tasks' secrets or ECS Exec need (added on their own); only with `vpcEndpoints` egress. Each bills per hour in every zone, plus per GB (AWS PrivateLink pricing). Default: none. Checked before registration.",
        ipv6: "IPv6 as well: an Amazon-provided /56 on the VPC, a /64 per subnet (public from index 0, private from 128), and `::/0` from the public route table to the internet gateway; the private tier gets no IPv6 route out. Needed by a `dualstack` ALB. Default: false.",
    },
    FargateCertificate: {
        domainName:
            "Domain the certificate is for, e.g. `app.example.com` or `*.example.com` (at most 253 characters, no trailing dot: ACM's). Default: `dns.recordName`.",
        subjectAlternativeNames: "Further names on the certificate, each once, as for `domainName`. Default: none.",
        hostedZoneId:
            "Route 53 hosted zone the validation records go in; every name must be validated in it. Default: `dns.hostedZoneId`.",
        zoneName:
            "Name of that zone: every name must be it or inside it. Default: `dns.zoneName` when the zone is the record's, else not checked.",
    },
    FargateDns: {
        hostedZoneId:
            "Id of the Route 53 hosted zone the record goes in, e.g. `Z0123456789ABCDEFGHIJ` (1 to 32 upper-case letters and digits, without `/hostedzone/`). Checked before registration.",
        zoneName:
            "Name of that zone, e.g. `example.com`: when given, `recordName` (and a certificate's names validated in the zone) must be it or inside it. Default: not checked.",
        recordName:
            "The name clients use, e.g. `app.example.com` (labels of letters, digits and hyphens, at most 253 characters; a leading `*.` for a wildcard; a trailing dot is dropped).",
        evaluateTargetHealth:
            "The alias's `evaluateTargetHealth`: Route 53 counts the record healthy only while a target group of the ALB has a healthy target; it matters only where Route 53 chooses among records (failover, weighted, latency). Default: true.",
        allowOverwrite:
            "Take over a record of the same name and type already in the zone (e.g. one made by hand for the ALB): without it `pulumi up` fails on it. Destroy then deletes it. Default: false.",
        routedHosts:
            "Also give each host a routed service's rule matches an alias record like `recordName`'s, so every name the ALB routes resolves to it. Each such host must be a DNS name inside `zoneName`, which must be given (a leading `*.` is a wildcard record; other ALB patterns are refused). Default: false: the routed hosts' records are yours to make.",
    },
    FargateAccessLogs: {
        bucket: "Name of an existing bucket to write to (in the ALB's region, SSE-S3, with a policy letting ELB write; not changed here). Default: a bucket created here, auto-named, SSE-S3 encrypted, public access blocked, with the region's log delivery policy.",
        bucketRegion:
            "Region of the bucket named in `bucket`, when you know it: refused unless it is the ALB's. Default: not checked.",
        prefix: "Key prefix of the log files, e.g. `alb/web` (no leading or trailing `/`, without `AWSLogs`). Default: none.",
        forceDestroy:
            "With a bucket created here: let `pulumi destroy` delete it with every log in it. Default: false, so destroy fails on a bucket holding logs and leaves it.",
        expireAfterDays:
            "With a bucket created here: days after which S3 deletes a log file, 1 or more. Default: none, kept.",
    },
    FargateNetworkPublicSubnet: {
        availabilityZone:
            "Availability zone name in the VPC's region, e.g. `ap-northeast-1c`. Checked before registration.",
        cidrBlock:
            "IPv4 block, /16 to /28, inside the VPC block and disjoint from every other subnet, e.g. `10.1.3.0/24`. Checked before registration.",
    },
    FargateNetworkPrivateSubnet: {
        availabilityZone:
            "Availability zone name in the VPC's region, e.g. `ap-northeast-1c`. Checked before registration.",
        cidrBlock:
            "IPv4 block, /16 to /28, inside the VPC block and disjoint from every other subnet, e.g. `10.1.3.0/24`. Checked before registration.",
    },
    FargateContainer: {
        image: "Image URI. Tutorial: `<account>.dkr.ecr.ap-northeast-1.amazonaws.com/hello-nginx`. A plain ECR URI is parsed to scope the execution role to its repository and to check that the chosen egress can reach it. Checked before registration; an Output is checked when it resolves.",
        ecrRepositoryArn:
            "ARN of the ECR repository the image comes from. Default: derived from `image`. Required when `image` is an output (e.g. a repository's `repositoryUrl`), which cannot be parsed at plan time. Checked before registration; an Output is checked when it resolves.",
        name: "Container name, 1 to 255 letters, digits, hyphens and underscores. Default: `app` (tutorial: `hello-nginx`).",
        port: "Port the container listens on, 1–65535, also the target group's port. Default: 80 (the tutorial's nginx).",
        environment:
            "Environment variables, by portable name (letters, digits, underscores). Default: none. Not for secrets: they show in the task definition. Values are not checked: the container gets them as they are.",
        secrets:
            "Secret environment variables, by portable name (not also in `environment`): each from an SSM parameter or a Secrets Manager secret, by ARN. Default: none. The task definition holds only the ARNs; the execution role may read exactly these (`ssm:GetParameters`, `secretsmanager:GetSecretValue`), and with `vpcEndpoints` egress the VPC created here gets the `ssm` and `secretsmanager` endpoints they need (a TwoTierVpc given must have them).",
        secretsKmsKeyArn:
            "ARN of the customer-managed KMS key that encrypts the secrets, `arn:aws:kms:<region>:<account>:key/<id>`: the execution role may `kms:Decrypt` with it, and with `vpcEndpoints` egress the VPC gets a `kms` endpoint. Default: none (AWS-managed keys need no grant). Only with `secrets`.",
        ...CONTAINER_RUNTIME_DOCS,
    },
    FargateContainerHealthCheck: {
        command:
            'The command: `["CMD", "<executable>", …]` runs it directly, `["CMD-SHELL", "<shell command>"]` in the container\'s default shell. Exit status 0 is healthy.',
        interval: "Seconds between checks, 5–300. Default: 30 (ECS's).",
        timeout: "Seconds a check may take before it counts as failed, 2–60. Default: 5 (ECS's).",
        retries: "Failed checks in a row before the container is unhealthy, 1–10. Default: 3 (ECS's).",
        startPeriod: "Seconds after start when failed checks do not count yet, 0–300. Default: none (off).",
    },
    FargateContainerDependency: {
        containerName: "The other container's name: the main container's or a sidecar's of this task.",
        condition:
            "`START` (it has started), `COMPLETE` (it has exited), `SUCCESS` (it has exited with status 0) or `HEALTHY` (its health check passed, at task start only). `COMPLETE` and `SUCCESS` only of a container that is not essential; `HEALTHY` only of one with a `healthCheck`.",
    },
    FargateSidecar: {
        ...CONTAINER_RUNTIME_DOCS,
        name: "Container name, 1 to 255 letters, digits, hyphens and underscores, unique in the task.",
        image: "Image URI, e.g. `public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3`. With `vpcEndpoints` egress (and no public IPs) only ECR of the VPC's region is reachable.",
        ecrRepositoryArn: "ARN of the ECR repository of the image. Default: derived from `image` (none outside ECR).",
        essential:
            "Whether the task stops when this container stops. Default: false, unlike ECS's (true): a failing helper should not take the traffic down, and a container others wait to `COMPLETE` or `SUCCESS` must not be essential.",
        portMappings:
            "Ports it listens on, reached from the main container on `localhost` (the task security group does not open them). Default: none.",
        environment: "Environment variables, as the main container's. Default: none.",
        secrets:
            "Secret variables, as the main container's: the execution role may read exactly these, in the same statements. Default: none.",
        secretsKmsKeyArn: "The customer-managed KMS key of its secrets, as the main container's. Default: none.",
    },
    FargateSidecarPortMapping: {
        containerPort: "Port, 1–65535, unused by the task's other containers.",
        protocol: "`tcp` or `udp`. Default: `tcp`.",
    },
    FargateContainerSecret: {
        ssmParameterArn:
            "ARN of an SSM Parameter Store parameter (String or SecureString), `arn:aws:ssm:<region>:<account>:parameter/<name>`.",
        secretArn:
            "Full ARN of a Secrets Manager secret, with the 6 characters Secrets Manager appends to its name: `arn:aws:secretsmanager:<region>:<account>:secret:<name>-AbCdEf`.",
        jsonKey:
            "With `secretArn`: the key of the JSON secret whose value the variable gets. Default: the whole secret.",
        versionStage:
            "With `secretArn`: the staging label of the version, e.g. `AWSPREVIOUS`. Default: `AWSCURRENT`. Not with `versionId`.",
        versionId:
            "With `secretArn`: the id of the version to read. Default: the version of `versionStage`. Not with `versionStage`.",
    },
    FargateService: {
        desiredCount: "Tasks to keep running, 0–5000. Default: 1 (as in the tutorial).",
        minimumHealthyPercent:
            "Lower bound of running tasks during a deployment, in percent of `desiredCount`. Default: 100.",
        maximumPercent: "Upper bound of running tasks during a deployment, in percent of `desiredCount`. Default: 200.",
        healthCheckGracePeriodSeconds:
            "Seconds ECS ignores failing ALB health checks of a new task, for slow starts, 0 or more. Default: 60.",
        waitForSteadyState:
            "Make `pulumi up` wait until the service is steady (its tasks running and healthy) and fail when it is not, instead of reporting success while the circuit breaker rolls back tasks that never became healthy. Default: true (the provider's default is false).",
        deploymentTimeout:
            "How long `pulumi up` waits for a deployment of the service, e.g. `20m` or `1h`. Default: `20m`, the provider's own create and update timeout.",
        autoscaling:
            "Scale the task count with Application Auto Scaling. Default: none, `desiredCount` tasks. With it, `desiredCount` is only the count the service starts with: later deployments leave the count alone (the service ignores changes to it), so a `pulumi up` never resets what the scaling set.",
        capacityProviders:
            "Capacity provider strategy, e.g. a `base` on `FARGATE` and the rest mostly on `FARGATE_SPOT`. Default: none, the `FARGATE` launch type. A cluster created here gets the providers the services use; an existing cluster (`clusterArn`) must have them already.",
        routing:
            "Route requests by host and/or path to this service: its own `ip` target group and a forward rule on the serving listener. Default: none, the shared target group the listeners forward to by default. When every service is routed, the listeners answer other requests with a fixed 404.",
    },
    FargateServiceAutoscaling: {
        minCapacity: "Fewest tasks, 0–5000, at most `desiredCount`.",
        maxCapacity: "Most tasks, 1–5000, at least `desiredCount`.",
        cpuUtilization:
            "Track the service's average CPU utilization (`ECSServiceAverageCPUUtilization`). Default: none.",
        memoryUtilization:
            "Track the service's average memory utilization (`ECSServiceAverageMemoryUtilization`). Default: none.",
        requestsPerTarget:
            "Track the ALB's requests per task in the target group (`ALBRequestCountPerTarget`). Default: none.",
        schedules: "Scheduled changes of `minCapacity` and `maxCapacity`. Default: none.",
    },
    FargateServiceAutoscalingCpuUtilization: {
        target: "The value to hold the metric at: a percent above 0 and at most 100 for CPU and memory utilization, a positive number of requests per task per minute for `requestsPerTarget`.",
        scaleInCooldown:
            "Seconds after a scale-in before the next one may start, a whole number 0 or more. Default: Application Auto Scaling's for ECS services.",
        scaleOutCooldown:
            "Seconds after a scale-out before the next one may start, a whole number 0 or more. Default: Application Auto Scaling's for ECS services.",
    },
    FargateServiceAutoscalingMemoryUtilization: {
        target: "The value to hold the metric at: a percent above 0 and at most 100 for CPU and memory utilization, a positive number of requests per task per minute for `requestsPerTarget`.",
        scaleInCooldown:
            "Seconds after a scale-in before the next one may start, a whole number 0 or more. Default: Application Auto Scaling's for ECS services.",
        scaleOutCooldown:
            "Seconds after a scale-out before the next one may start, a whole number 0 or more. Default: Application Auto Scaling's for ECS services.",
    },
    FargateServiceAutoscalingRequestsPerTarget: {
        target: "The value to hold the metric at: a percent above 0 and at most 100 for CPU and memory utilization, a positive number of requests per task per minute for `requestsPerTarget`.",
        scaleInCooldown:
            "Seconds after a scale-in before the next one may start, a whole number 0 or more. Default: Application Auto Scaling's for ECS services.",
        scaleOutCooldown:
            "Seconds after a scale-out before the next one may start, a whole number 0 or more. Default: Application Auto Scaling's for ECS services.",
    },
    FargateServiceAutoscalingSchedule: {
        schedule:
            "When: `at(yyyy-mm-ddThh:mm:ss)` once, `rate(<n> <minute|minutes|hour|hours|day|days>)`, or `cron(<minutes> <hours> <day of month> <month> <day of week> <year>)`.",
        minCapacity: "New lowest task count, 0–5000. Default: unchanged (give this or `maxCapacity`, or both).",
        maxCapacity: "New highest task count, 0–5000. Default: unchanged.",
        timezone: "IANA time zone of `at` and `cron` expressions, e.g. `Asia/Tokyo`. Default: `UTC`.",
    },
    FargateServiceRouting: {
        hosts: "Host names (the `host-header` condition), e.g. `api.example.com` or `*.example.com`: up to 128 letters, digits, `-`, `.`, `*` and `?`, with at least one `.` and only letters after the last. Compared case-insensitively. At most 3. Default: any host.",
        paths: "Path patterns (the `path-pattern` condition), e.g. `/api/*`: up to 128 characters, starting with `/` or `*`, of letters, digits, `_ - . $ / ~ \" ' @ : + &`, `*` and `?`. Case-sensitive. At most 3, and 5 hosts and paths together. Default: any path.",
        priority:
            "Priority of the rule on each serving listener, 1–50000, unique among the services (lower is evaluated first). Required when more than one service is routed; a lone routed service defaults to 10 × its position in `services`. AWS refuses a priority another rule still holds: swap two rules' priorities through a free one, in two updates.",
        healthCheck:
            "Health check of the service's target group. Default: the section's `healthCheck`, field by field.",
    },
    FargateServiceRoutingHealthCheck: {
        path: "HTTP path, starting with `/`. Default: the section's.",
        matcher: "HTTP codes counted healthy, 200–499, e.g. `200` or `200-299`. Default: the section's.",
        interval: "Seconds between checks, 5–300. Default: the section's.",
        timeout: "Seconds to wait for a reply, 2–120 and less than `interval`. Default: the section's.",
    },
    FargateServiceCapacityProvider: {
        capacityProvider: "`FARGATE` or `FARGATE_SPOT`.",
        weight: "Relative share of the tasks launched beyond `base`, 0–1000; at least one entry of the strategy needs a weight above 0.",
        base: "Tasks, 0–100000, that run on this provider before the weights apply; only one entry may have one. Default: none (ECS counts 0).",
    },
    FargateTaskEgressEntry: {
        cidrBlock: "IPv4 block, e.g. a database subnet `10.1.20.0/24`.",
        prefixListId:
            "Managed prefix list id, `pl-…`. Checked before registration; an Output is checked when it resolves.",
        securityGroupId:
            "Security group of the destination, `sg-…` (e.g. the database's). Checked before registration; an Output is checked when it resolves.",
        protocol: "`tcp` or `udp`. Default: `tcp`.",
        port: "Destination port, 1–65535.",
        toPort: "Last port of a range starting at `port`. Default: `port`.",
        description:
            "Description of the rule, up to 255 letters, digits, spaces and `._-:/()#,@[]+=&;{}!$*` (EC2's rule descriptions). Default: the destination and port.",
    },
    FargateHealthCheck: {
        path: "HTTP path, starting with `/`. Default: `/`.",
        matcher: "HTTP codes counted healthy, 200–499, e.g. `200` or `200-299`. Default: `200`.",
        interval: "Seconds between checks, 5–300. Default: 30.",
        timeout: "Seconds to wait for a reply, 2–120 and less than `interval`. Default: 5.",
    },
    FargateExtraTarget: {
        ip: "IPv4 address: inside the VPC, or a private address reached through peering/VPN.",
        port: "Port on the target. Default: the container port.",
    },
    DualStackAlbBackend: {
        port: "Port the backend serves on, 1–65535. Default: 80 (the tutorials; S1: its `backendPort`).",
        weight: "Weight, 1–100: the backend's share of the traffic against the others'. 0 is refused: a server of weight 0 gets no traffic at all, silently (the provider's default weight is 0, and the policy pack's `alb-server-weight-set` refuses such a server in every stack); to take a backend out, remove it. Default: 100 (the console's and the tutorials').",
        family: "`ipv4` or `ipv6`: the server group (and address) the ALB reaches this server by; `ipv6` needs `ipv6: true` on the server.",
    },
    MeshFailoverLocality: {
        mode: "Discriminant: fail over between regions when a region's endpoints are ejected.",
        failover: "One pair per failing region; each region at most once as `from`. Checked before registration.",
        distribute:
            "Not in failover mode: Istio takes one of failover and distribution on a rule. Refused before registration.",
        outlierDetection:
            "Outlier detection of the rule, checked against Istio's ranges; Istio fails over only with it. Default: the tutorial's (consecutive5xxErrors 1, interval 1s, baseEjectionTime 1m).",
    },
    MeshFailoverLocalityOutlierDetection: {
        consecutive5xxErrors:
            "Consecutive 5xx responses that eject an endpoint: a whole number from 0 (off) to 4294967295. Default: Istio's 5.",
        consecutiveGatewayErrors:
            "Consecutive gateway errors (502, 503, 504) that eject an endpoint: a whole number from 0 (off) to 4294967295. Default: off.",
        consecutiveLocalOriginFailures:
            "Consecutive locally originated failures that eject an endpoint; only with `splitExternalLocalOriginErrors`. Default: Istio's 5.",
        splitExternalLocalOriginErrors:
            "Count locally originated failures (timeouts, resets) apart from the upstream's errors. Default: false.",
        interval: "Time between ejection sweeps, an Istio duration of whole milliseconds, at least 1ms, e.g. `10s`.",
        baseEjectionTime:
            "Minimum ejection time (multiplied by the times the endpoint was ejected), an Istio duration of whole milliseconds, at least 1ms, e.g. `30s`.",
        maxEjectionPercent:
            "Most endpoints ejected at once, percent: a whole number from 0 to 100. Default: Istio's 10.",
        minHealthPercent:
            "Outlier detection runs only while at least this percentage of endpoints is healthy: a whole number from 0 to 100. Default: 0.",
    },
    MeshFailoverLocalityFailoverEntry: {
        from: "Region whose clients fail over, e.g. `cn-shanghai`. A region of the mesh. Checked before registration.",
        to: "Region that takes the traffic, e.g. `cn-hangzhou`. Another region of the mesh. Checked before registration.",
    },
    MeshFailoverSection: {
        clusters: "Clusters by name, each getting the whole application. At least one. Checked before registration.",
        mesh: "The mesh: when given, the Gateway, VirtualService and DestinationRules are applied to it, and they and the Deployments wait for it to be LocalityMesh.ready (pods started before their cluster joins the mesh get no sidecar). Default: none. Checked before registration.",
        locality:
            "Istio locality load balancing of the Bookinfo reviews service: `failover` between regions, or weighted `distribution`.",
        reviewsVersions:
            "Cluster name → the reviews versions it runs (the tutorial: v1 in one region, v2 in the other).",
        bookinfoImageRegistry:
            "Registry of the Bookinfo images, e.g. an ACR mirror (mainland-China regions cannot count on Docker Hub). Default: Docker Hub.",
    },
    Servers: {
        instanceType:
            "ECS instance type of the demo servers, e.g. `ecs.g7.large`; it must be sold in every zone of their vSwitches.",
        imageId:
            "A pinned public image id. Default: the newest public image whose name matches `imageNameRegex`, when the server is created.",
        imageNameRegex:
            "Name pattern of the public image to take the newest of. Default: Alibaba Cloud Linux 3, x86_64 (`^aliyun_3_x64_20G_alibase_`).",
        systemDiskCategory: "System disk category, e.g. `cloud_essd`. Default: `cloud_essd`.",
        instances:
            "Server name → the vSwitch it sits in, and whether it gets an IPv6 address. Each runs nginx serving a page that names it.",
        deletionProtection:
            "The instances' own deletion protection (`ecs.Instance.deletionProtection`). Default: `protect`.",
    },
    ServersInstance: {
        vSwitch: "Name of the vSwitch (a key of the VPC's `vSwitches`) the server sits in.",
        ipv6: "Give the server an IPv6 address (its vSwitch needs an IPv6 block). Default: false.",
    },
    DualStackAlbSection: {
        vpc: "The VPC of the ALB and its backends, created with the component; dual-stack needs `enableIpv6` and IPv6 vSwitches.",
        servers: "The demo ECS servers; `backends` names which of them the ALB reaches, over IPv4 or IPv6.",
        albVSwitches:
            "Names of the vSwitches (keys of `vpc.vSwitches`) the ALB takes a zone in, two or more in different zones. Default: every vSwitch of the VPC.",
        edition: "ALB edition: `Basic`, `Standard` or `StandardWithWaf`. Default: `Standard`.",
        backends:
            "Server name (a key of `servers.instances`) → the address family the ALB reaches it by, its port and weight.",
        listener: "The listener: protocol, port, and the certificate for HTTPS. Default: HTTP on 80.",
        deletionProtection: "The ALB's own deletion protection. Default: `protect`.",
        healthCheck: "Health check of the server groups. Default: HTTP `GET /` every 2 s.",
        dns: "The CNAME clients use: ALBs created since 2025 do not answer on their own DNS name.",
        serverGroups:
            "Server groups besides the component's own, by name (not `default`), for `rules` to forward to: their backends by server name, as `backends`. Default: none.",
        acl: "An access control list on the ALB's listeners (the forwarding one and the HTTP redirect): `allow` or `deny` the listed CIDR blocks. Default: none, every source is served.",
        accessLog:
            "Access logs to Log Service: `{ project, logstore }` of existing ones, or `{ create: true }` for a project (named with a random suffix) and logstore the component creates. Default: none.",
        modificationProtection:
            'The console\'s modification protection of the ALB: `{ status: "ConsoleProtection", reason }` makes it read-only in the console, not to the API. Default: `NonProtection`.',
        rules: "Forwarding rules of the forwarding listener by name: hosts and paths to the server groups named (`default`: the component's own). Priorities 1–9999, unique. Default: none.",
    },
    MeshFailoverLocalityDistributeEntry: {
        from: "Locality the traffic originates in, e.g. `cn-hangzhou/*`.",
        to: 'Locality → percentage of that traffic, e.g. `{"cn-hangzhou/*": 80, "cn-shanghai/*": 20}`; the weights sum to 100.',
    },
    EnvironmentArgs: {
        network:
            "One CEN shared by the topologies that use one (S1, S4), instead of one each: every VPC they declare joins it. Default: each builds its own.",
    },
};
