/** A guided lab scenario: one command task of the bank, with what the browser needs to run and check it. */
export interface ScenarioDTO {
  id: string;
  deck: string;
  deckTitle: string;
  topic: string;
  prompt: string;
  setup: string[];
  solutions: string[][];
  mode: 'state' | 'output';
  nodes?: string[];
  explanation?: string;
  line: number;
}
