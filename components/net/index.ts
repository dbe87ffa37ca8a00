export * from "./cidr";
export * from "./checks";
export * from "./internet";
