/** The sections of Tack, in navigation order. `ready: false` sections show what they will be for. */
export interface Section {
  path: string;
  label: string;
  ready: boolean;
  /** One paragraph from docs/METHOD.md: what the section is for. */
  purpose: string;
  /** A short example that makes the purpose concrete. */
  example?: string;
  /** Other pages that belong to the section (its tabs), where its link shows as the current section. */
  alsoAt?: string[];
}

export const SECTIONS: Section[] = [
  {
    path: '/today',
    label: 'Today',
    ready: true,
    purpose: 'What is on for today, in your time zone.',
  },
  {
    path: '/practices',
    label: 'Practices',
    ready: true,
    purpose:
      'Practices are your systems: small, repeatable things that either happen or they don’t. “Lose 20 pounds” ' +
      'depends on things outside your control; “move 30 minutes a day and eat real food” is something you can ' +
      'simply do. Here you check practices in and watch a strength score that rewards showing up over time ' +
      'rather than perfect streaks. Goals may emerge later from repeated success in a direction.',
    example: 'Move 30 minutes a day · Write 200 words before work · Call a friend on Sundays',
  },
  {
    path: '/directions',
    label: 'Directions',
    ready: true,
    alsoAt: ['/chains'],
    purpose:
      'Directions put identity first. Instead of “run a marathon”, ask: what would someone who runs marathons do ' +
      'this week? Not an Olympian, a normal person three months in. A direction holds that question and your ' +
      'answers to it, so you can discover what a path is really like before committing to a destination.',
    example: 'What would someone who writes every day do this week?',
  },
  {
    path: '/experiments',
    label: 'Experiments',
    ready: true,
    purpose:
      'Experiments let you try a direction for about six weeks (two months is fine too). Notice what comes alive ' +
      'and what drains you, then decide: go deeper, adjust, or try something else. Changing course is the system ' +
      'working, and a “let go” verdict is a result, not a failure.',
    example: 'Six weeks of morning sketching, decision date on a Sunday',
  },
  {
    path: '/goals',
    label: 'Goals',
    ready: true,
    alsoAt: ['/advisor'],
    purpose:
      'Goals here are discovered, not designed. When a direction keeps working, you can set a goal, and Tack will ' +
      'help you pick the right kind: a learning goal when the task is new or the context uncertain, a performance ' +
      'goal when the skill is there and the outcome mostly in your control, always with at least one if-then plan. ' +
      'Every change to a goal is kept with its reason, because changing a goal is learning.',
    example: 'If it rains on a run day, then I do 20 minutes of stretching at home.',
  },
  {
    path: '/intentions',
    label: 'Intentions',
    ready: true,
    purpose:
      'Intentions are broader, values-driven statements that guide how you act without limiting exploration. They ' +
      'suit moments when a precise, measurable goal would feel constraining, or when much of the outcome is outside ' +
      'your control.',
    example: '“Lead with greater curiosity in team discussions” · “Respond to challenges with calm and clarity”',
  },
  {
    path: '/review',
    label: 'Review',
    ready: true,
    purpose:
      'The weekly review takes about ten minutes. It is not a measure of progress toward a distant target: it shows ' +
      'what actually happened this week, and helps you build next week from it, planning backwards from what is ' +
      'really going on: what would have made this week easier, and what could you do now to make next week easier?',
  },
  {
    path: '/settings',
    label: 'Settings',
    ready: true,
    purpose: 'Your profile, time zone, appearance, API tokens and sessions.',
  },
];

export function sectionByPath(path: string): Section | undefined {
  return SECTIONS.find((s) => s.path === path);
}
