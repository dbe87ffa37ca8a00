/**
 * The parts of @pulumi/alicloud this package uses, each from its own module: the components
 * import this file instead of the package root, for the reasons components/sdk/aws.ts gives (the
 * root loads and declares every service: some 70 ms per process, 2,200 declaration files).
 */
import * as alb from "@pulumi/alicloud/alb";
import * as cen from "@pulumi/alicloud/cen";
import * as cs from "@pulumi/alicloud/cs";
import * as dns from "@pulumi/alicloud/dns";
import * as ecs from "@pulumi/alicloud/ecs";
import * as log from "@pulumi/alicloud/log";
import * as resourcemanager from "@pulumi/alicloud/resourcemanager";
import * as servicemesh from "@pulumi/alicloud/servicemesh";
import * as slb from "@pulumi/alicloud/slb";
import * as types from "@pulumi/alicloud/types";
import * as vpc from "@pulumi/alicloud/vpc";
export { alb, cen, cs, dns, ecs, log, resourcemanager, servicemesh, slb, types, vpc };
export { Provider } from "@pulumi/alicloud/provider";
