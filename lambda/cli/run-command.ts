/** How a command's action hands its exit code back to runCli (commander ignores what actions return). */
export type RunCommand = (action: () => Promise<number>) => Promise<void>;
