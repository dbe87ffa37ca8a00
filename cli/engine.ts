/**
 * The offline engine the plan runs on: the mocked Pulumi runtime with provider-shaped outputs and
 * the recorder of parents, providers and `dependsOn`. Every other file of `cli/` reaches the
 * engine through this one, so moving it out of `tests/` is a single edit here.
 */
export { world, settle, recorder, World, RecordedResource } from "../tests/mocks";
