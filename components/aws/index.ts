export * from "./albFargateService";
export * from "./network";
export * from "./fargate";
