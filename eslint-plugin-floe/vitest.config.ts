import { floeVitestConfig } from "../vitest.shared";

export default floeVitestConfig;
