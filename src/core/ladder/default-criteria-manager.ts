import type { CriteriaTable } from "./default-ladder.js";

/**
 * The management track of legible's default ladder: level id → theme id → criteria. A manager's
 * evidence is mostly their team's records (delivery, spread of knowledge, decisions written down),
 * read as team aggregates, never as a ranking of the people in it.
 */
export const MANAGER_CRITERIA: CriteriaTable = {
  // Engineering Manager — scope: one team and the systems it owns. Peer of Senior Engineer.
  "engineering-manager": {
    execution: [
      "The team delivers predictably: commitments are met, or re-planned in the open.",
      "Keeps the team's work in progress low and removes blockers the team cannot remove itself.",
      "Runs planning that turns goals into work the team understands and owns.",
    ],
    "decision-making": [
      "Makes sure the team's significant decisions are written down with their trade-offs, whoever made them.",
      "Decides team matters (priorities, process, staffing) promptly and explains why.",
      "Pushes decisions to the people closest to the work, and backs them.",
    ],
    coordination: [
      "Manages the team's dependencies on other teams: agreed dates, named owners, escalation when needed.",
      "Keeps the team's working relationships with product, design and operations effective.",
      "Resolves friction between the team and neighbouring teams before it escalates.",
    ],
    "capability-building": [
      [
        "No area the team owns depends on one person.",
        "authorship, review and on-call spread across the team",
        "no knowledge island in the team's areas, or an exit path that is working",
      ],
      "Onboards new team members so they ship in their first weeks and own an area within months.",
      "Makes room in the plan for documentation, runbooks and tests.",
    ],
    "strategic-impact": [
      "Connects the team's work to business goals and tells the team how its work mattered.",
      "Reports the team's outcomes, not only its activity, to stakeholders.",
      "Trades scope, time and quality with product explicitly, in business terms.",
    ],
    craft: [
      "Keeps enough technical depth to judge designs, risks and estimates in the team's area.",
      "Watches the team's operational health: incidents, follow-up actions, on-call load.",
      "Makes technical debt visible and schedules paying it down.",
    ],
    communication: [
      "Holds regular one-to-ones and team meetings that people find useful.",
      "Makes the team's work visible: summaries of what shipped and what it changed.",
      "Gives clear, timely feedback, both positive and corrective.",
    ],
    people: [
      "Each report has agreed expectations and a growth plan, reviewed regularly.",
      "Hires for the team through a structured, fair process.",
      "Addresses underperformance early, clearly and fairly.",
    ],
  },

  // Senior Engineering Manager — scope: outcomes across several teams. Peer of Staff Engineer.
  "senior-engineering-manager": {
    execution: [
      "Several teams deliver outcomes that need them to work together.",
      "Spots delivery problems across teams early and fixes their cause, not the symptom.",
      "Balances investment across teams between features, reliability and debt.",
    ],
    "decision-making": [
      "Builds a practice in which the teams' decisions are recorded, with trade-offs, where anyone can find them.",
      "Makes staffing and organisational decisions with data, and explains them.",
      "Escalates the few decisions that need it, with options and a recommendation.",
    ],
    coordination: [
      "Shapes team boundaries and ownership so that teams depend on each other less.",
      "Coordinates roadmaps with peer groups and other functions.",
      "Runs programmes across teams, including migrations, to completion.",
    ],
    "capability-building": [
      "Grows managers and tech leads who go on to lead teams.",
      [
        "Reduces key-person risk across teams: knowledge islands are found and their exit paths work.",
        "the truck factor of the group's critical areas rising over a quarter",
      ],
      "Invests in shared tooling and practices that make every team faster.",
    ],
    "strategic-impact": [
      "Sets goals for a group of teams that are tied to business outcomes.",
      "Manages the group's budget and headcount against those outcomes.",
      "Presents the group's results to leadership in business terms.",
    ],
    craft: [
      "Keeps quality and reliability high across teams: incidents become rarer or recover faster.",
      "Works with staff engineers on technical direction, and backs their decisions.",
      "Understands the technology well enough to challenge plans credibly.",
    ],
    communication: [
      "Explains direction and change to several teams clearly and consistently.",
      "Handles difficult conversations: reorganisations, missed goals, conflict.",
      "Gives stakeholders an accurate picture of the group, bad news included.",
    ],
    people: [
      "Builds a team of managers and leaders, with a successor in view for each role.",
      "Runs fair hiring, promotion and compensation processes for the group.",
      "Keeps teams sustainable: workload, on-call and attrition are watched and acted on.",
    ],
  },

  // Director of Engineering — scope: outcomes of a department. Peer of Senior Staff Engineer.
  director: {
    execution: [
      "Answers for the delivery of a department.",
      "Builds the processes that let teams deliver without the director's involvement.",
      "Stops or changes programmes that will not meet their goals.",
    ],
    "decision-making": [
      "Makes the department's most consequential decisions (organisation, vendors, build or buy) and records them.",
      "Defines who decides what in the department.",
      "Decides on time with incomplete information, and revisits decisions when the evidence changes.",
    ],
    coordination: [
      "Aligns the department with peer departments and with product and business leadership.",
      "Designs the organisation so that its structure matches the architecture it wants.",
      "Resolves conflicts between groups and between functions.",
    ],
    "capability-building": [
      "Develops senior managers and staff engineers into leaders of leaders.",
      "Builds learning into the department: training, rotations, communities of practice.",
      "Plans succession so that no departure stalls any part of the department.",
    ],
    "strategic-impact": [
      "Writes the department's strategy from the company's goals.",
      "Spends the department's budget, vendors and headcount where they return the most business value.",
      "Presents the department's trade-offs to executives in business terms.",
    ],
    craft: [
      "Sets engineering standards and reliability goals for the department.",
      "Oversees the technical health of every system in the department.",
      "Works with senior staff engineers on technical strategy.",
    ],
    communication: [
      "Explains strategy and change to the whole department.",
      "Builds trust with stakeholders outside engineering.",
      "Delivers hard messages clearly and with care.",
    ],
    people: [
      "Builds a diverse, inclusive department where people stay and grow.",
      "Owns the department's hiring plan and hiring bar.",
      "Keeps the individual-contributor track as valued as management in how people are promoted.",
    ],
  },

  // Senior Director of Engineering — scope: outcomes across engineering. Peer of Principal Engineer.
  "senior-director": {
    execution: [
      "Answers for engineering outcomes across several departments.",
      "Runs the operating cadence (reviews, planning) that keeps the organisation on course.",
      "Turns company priorities into a delivered portfolio of work.",
    ],
    "decision-making": [
      "Decides on organisation, investment and platforms for all of engineering.",
      "Builds a culture in which decisions are written down, challenged and revisited.",
      "Owns decisions that went wrong and corrects them openly.",
    ],
    coordination: [
      "Aligns engineering with the executive team and the other functions.",
      "Reshapes the organisation when coordination costs grow.",
      "Manages the relationships with key partners and vendors.",
    ],
    "capability-building": [
      "Builds a bench of leaders across engineering.",
      "Makes the organisation resilient to the loss of any one leader.",
      "Invests in the organisation's ability to learn from incidents and decisions.",
    ],
    "strategic-impact": [
      "Shares accountability for company outcomes with the executive team.",
      "Allocates engineering investment across the company's priorities.",
      "Shapes company strategy where technology is a lever.",
    ],
    craft: [
      "Sets the organisation's expectations for quality, security and reliability, and holds leaders to them.",
      "Draws on principal and staff engineers for technical judgment on major bets.",
      "Keeps the organisation's engineering practices current.",
    ],
    communication: [
      "Explains engineering's direction to the company and beyond it.",
      "Tells the organisation the truth about results, trade-offs and changes.",
      "Represents engineering to the board or investors.",
    ],
    people: [
      "Builds an organisation people want to join and stay in.",
      "Keeps talent processes fair and consistent across engineering.",
      "Develops directors and their successors.",
    ],
  },
};
