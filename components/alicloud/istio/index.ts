export * from "./objects";
export * from "./bookinfo";
export { checkIstioSchema, hasIstioSchema } from "./schema";
