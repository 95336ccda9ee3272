export * as recap from "./recap/index";
export * as twhin from "./twhin/index";
