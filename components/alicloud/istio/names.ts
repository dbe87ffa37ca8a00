/**
 * The names Kubernetes and Istio take for the objects this folder applies: object names,
 * namespaces and service hosts, checked before registration (the API server refuses a bad one
 * only when the object is applied, after the mesh was built).
 */
import { Problems } from "../../errors";

/**
 * A DNS-1123 label: at most 63 lower-case letters, digits and '-', starting and ending with a
 * letter or digit (Kubernetes "Object Names and IDs": namespaces are labels).
 */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** A DNS-1123 subdomain: labels joined by '.', at most 253 characters (the names of most Kubernetes objects). */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * A service host of a DestinationRule: a short name (`reviews`) or a fully qualified one
 * (`reviews.default.svc.cluster.local`), optionally starting with a `*.` wildcard, as Istio
 * validates hosts (DNS-1123 labels, a leading wildcard: istio pkg/config/validation,
 * ValidateWildcardDomain). Upper-case letters are accepted, as Istio's label check does.
 */
const SERVICE_HOST =
    /^(\*\.)?[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*$/;

/** Checks the name of a Kubernetes object (a DestinationRule's `metadata.name`). */
export function checkObjectName(problems: Problems, path: string, name: string, what: string, fix?: string): boolean {
    if (name.length <= 253 && DNS_SUBDOMAIN.test(name)) return true;
    problems.add(
        path,
        `${what} '${name}' is not a Kubernetes object name (lower-case letters, digits, '-' and '.', ` +
            "starting and ending with a letter or digit, at most 253).",
        fix ?? "Rename it, e.g. reviews.",
    );
    return false;
}

/** Checks a Kubernetes namespace name. */
export function checkNamespace(problems: Problems, path: string, namespace: string): boolean {
    if (DNS_LABEL.test(namespace)) return true;
    problems.add(
        path,
        `namespace '${namespace}' is not a Kubernetes namespace name (at most 63 lower-case letters, ` +
            "digits and '-', starting and ending with a letter or digit).",
        "Use a namespace such as default.",
    );
    return false;
}

/** Checks the service host a DestinationRule applies to. */
export function checkServiceHost(problems: Problems, path: string, host: string): boolean {
    if (host.length <= 255 && SERVICE_HOST.test(host)) return true;
    problems.add(
        path,
        `'${host}' is not a service host (a service name such as reviews, or a name qualified by its ` +
            "namespace and domain, optionally starting with *.).",
        "Write it like reviews or reviews.default.svc.cluster.local.",
    );
    return false;
}

/** A label name: at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit. */
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/**
 * Whether `key` is a Kubernetes label key: a name, optionally prefixed by a DNS subdomain and `/`
 * (Kubernetes "Labels and Selectors", syntax and character set).
 */
export function isLabelKey(key: string): boolean {
    const slash = key.lastIndexOf("/");
    const [prefix, name] = slash < 0 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
    return LABEL_NAME.test(name) && (prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix)));
}

/** Whether `value` is a Kubernetes label value: empty, or a label name. */
export function isLabelValue(value: string): boolean {
    return value === "" || LABEL_NAME.test(value);
}
