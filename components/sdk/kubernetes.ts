/**
 * The parts of @pulumi/kubernetes this package uses, each from its own module: the components
 * import this file instead of the package root, for the reasons components/sdk/aws.ts gives.
 */
import * as apiextensions from "@pulumi/kubernetes/apiextensions";
import * as apps from "@pulumi/kubernetes/apps";
import * as core from "@pulumi/kubernetes/core";
export { apiextensions, apps, core };
export { Provider } from "@pulumi/kubernetes/provider";
