/**
 * A `pulumi.ResourceTransform` applied offline. In `pulumi up` the engine runs a component's
 * `transforms` on each of its descendants; the mocks offer no transform callbacks (the SDK refuses
 * `transforms` under them: "The Pulumi CLI does not support transforms"), so a spec runs the same
 * function through the SDK's `transformations`, which reach the same descendants (a component's
 * are inherited by every child, nested components' children too).
 */
import * as pulumi from "@pulumi/pulumi";

/** `transform` as a transformation: same arguments, same result; a transform that answers a promise is refused. */
export function offline(transform: pulumi.ResourceTransform): pulumi.ResourceTransformation {
    return args => {
        const result = transform({
            type: args.type,
            name: args.name,
            custom: pulumi.CustomResource.isInstance(args.resource),
            props: args.props,
            opts: args.opts,
        });
        if (result instanceof Promise) throw new Error("an asynchronous transform cannot be applied offline");
        return result;
    };
}
