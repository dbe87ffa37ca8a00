export * from "./regions";
export * from "./vpc";
export * from "./multiEipEni";
export * from "./guestRouting";
export * from "./instanceTypes";
export * from "./cen";
export * from "./crossRegionAlb";
