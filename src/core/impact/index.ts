export type * from "./model.js";
export { impactPacket, type PacketInput } from "./packet.js";
