export * from "./regions";
export * from "./vpc";
