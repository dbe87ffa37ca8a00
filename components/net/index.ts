export * from "./cidr";
export * from "./checks";
