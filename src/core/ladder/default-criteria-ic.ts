import type { CriteriaTable } from "./default-ladder.js";

/**
 * The individual-contributor track of legible's default ladder: level id → theme id → criteria.
 * Each criterion says what a record would show; examples, where given, name that evidence.
 */
export const IC_CRITERIA: CriteriaTable = {
  // Engineer I — scope: tasks.
  "engineer-1": {
    execution: [
      "Finishes well-defined tasks end to end: the change is merged and deployed, not left waiting in review.",
      "Keeps changes small enough to review in one sitting, and follows up on pull requests that wait.",
      "Says early, in the ticket or pull request, when a task is blocked or bigger than expected.",
    ],
    "decision-making": [
      "Explains in the pull request why a change is done this way when there was more than one way.",
      "Asks before making a choice that is hard to undo: a schema, a public interface, a new dependency.",
      "Reads the decision records of the area they work in and follows them, or asks when one seems wrong.",
    ],
    coordination: [
      "Knows which team owns the code and services a task touches, and asks that team for review.",
      "Raises a dependency on another team's work as soon as it is found, through that team's usual channel.",
      "Does not leave shared branches, environments or queues broken or blocked for others.",
    ],
    "capability-building": [
      "Fixes documentation that proved wrong while doing a task, in the same or the next pull request.",
      "Adds tests with every change, so the next person can change the code safely.",
      "Writes down what they had to learn the hard way (a setup step, a gotcha) where the next newcomer will find it.",
    ],
    "strategic-impact": [
      "Can say which user or business need their current task serves.",
      "Checks that a finished task does what the user needed, not only what the ticket said.",
      "Asks about the purpose of a task whose purpose is unclear instead of guessing.",
    ],
    craft: [
      "Review comments on their changes move over time from correctness and conventions toward design.",
      "Tests the unhappy paths (errors, empty input, retries), not only the case in the ticket.",
      "Reproduces a bug with a failing test before fixing it.",
    ],
    communication: [
      "Gives short, regular updates on their work without being asked.",
      "Writes pull request descriptions that say what changed, why, and how it was tested.",
      "Asks for help with a clear question: what they tried, what they expected, what happened.",
    ],
  },

  // Engineer II — scope: features.
  "engineer-2": {
    execution: [
      "Delivers features made of several changes, from breakdown to release, with little guidance.",
      "Breaks a feature into increments that each ship and can be checked on their own, behind a flag where needed.",
      "Estimates their own work and re-plans in the open when an estimate proves wrong.",
    ],
    "decision-making": [
      [
        "Writes a short design note or decision record for a feature-level choice with more than one reasonable option.",
        "a decision record in the repository naming the options considered",
      ],
      "States the trade-off of a choice: what it makes easier, what it costs, what it rules out.",
      "Revisits an earlier choice when evidence shows it was wrong, and records the change.",
    ],
    coordination: [
      "Agrees interfaces and timing with the teams a feature depends on before building against them.",
      "Reviews changes from neighbouring teams that touch code they know.",
      "Keeps the people waiting on their feature informed of dates and changes.",
    ],
    "capability-building": [
      "Reviews teammates' changes promptly and explains the reason behind each requested change.",
      [
        "Pairs with or onboards a newer engineer in the feature area they know.",
        "commits co-authored with the newer engineer",
        "the newer engineer's first changes in the area, reviewed by them",
      ],
      "Writes or updates the documentation and runbook entry a feature needs before calling it done.",
    ],
    "strategic-impact": [
      "Knows the measure a feature is meant to move and checks it after release.",
      "Suggests a cheaper way to meet the same need when the planned one is costly.",
      "Cuts scope that does not serve the feature's purpose, with the product owner's agreement.",
    ],
    craft: [
      "Builds features that are observable: logs, metrics or alerts show whether they work in production.",
      "Designs for non-functional needs (performance, security, accessibility, failure) before release, not after.",
      "Takes part in incidents in their area and completes the follow-up actions assigned to them.",
    ],
    communication: [
      "Announces what shipped and what changed for users, where the team and its users will see it.",
      "Gives specific, kind feedback in reviews, and takes feedback without defensiveness.",
      "Explains their feature to someone outside the team in that person's terms.",
    ],
  },

  // Senior Engineer — scope: systems. Peer of Engineering Manager.
  senior: {
    execution: [
      "Owns a system or a large project end to end: plan, delivery, rollout and what happens after.",
      "Delivers work that spans several engineers and keeps it moving without becoming its bottleneck.",
      [
        "Removes recurring friction in the team's delivery rather than routing around it.",
        "a flaky pipeline fixed",
        "review pickup time in the area falling after a change they made",
      ],
    ],
    "decision-making": [
      [
        "Writes decision records for system-level choices with the options, the trade-off, how reversible it is and when to revisit it.",
        "accepted decision records authored, each stating its trade-off",
      ],
      "Decides reversible matters quickly and hard-to-reverse ones deliberately, and their records say which was which.",
      "Brings the people affected into a decision before it is made; their records name who was consulted.",
    ],
    coordination: [
      "Leads changes that cross team boundaries, such as a shared library upgrade or an interface change, to completion.",
      [
        "Leads migrations off old systems and finishes them: the old path is removed, not left running.",
        "the pull request that deletes the old path",
      ],
      "Notices a dependency that keeps slowing two teams and proposes a fix to both owners.",
    ],
    "capability-building": [
      [
        "Makes sure someone else can review, operate and change each system they own.",
        "new authors and reviewers in the system's areas",
        "the area's truck factor above one",
      ],
      "Mentors engineers who then take on work in areas they could not handle before.",
      "Writes runbooks that let someone other than them handle the system's incidents.",
    ],
    "strategic-impact": [
      "Explains the business value of a system's work to stakeholders and uses it to set priorities.",
      "Frames technical debt as risk, cost or delay the business recognises, and gets time to pay it down.",
      "Chooses between projects by their expected outcome, and reports the actual outcome afterwards.",
    ],
    craft: [
      "Designs systems whose failure modes are understood, monitored and tested.",
      "Leads incident response for their systems and sees the follow-up actions done.",
      "Sets the quality bar in their area through review: their comments teach, not only correct.",
    ],
    communication: [
      "Writes a summary after significant work: the problem, the decision, the trade-off, the outcome.",
      "Presents technical plans to groups larger than the team and gets agreement.",
      "Raises risks and bad news early, with options.",
    ],
  },

  // Staff Engineer — scope: outcomes across teams. Peer of Senior Engineering Manager.
  staff: {
    execution: [
      "Delivers outcomes that need several teams, owning the result rather than one part of it.",
      "Unblocks stalled cross-team work by taking on its hardest or least-owned part.",
      "Keeps several streams of work moving without sitting on the critical path of any of them.",
    ],
    "decision-making": [
      "Drives decisions that affect several teams to a written, accepted record, including when agreement is hard.",
      "Sets principles or defaults (how services talk to each other, how data is owned) that let teams decide without escalating.",
      [
        "Gets the decisions trapped in one person's head written down in the areas they lead.",
        "decision records about areas that were knowledge islands",
      ],
    ],
    coordination: [
      "Reduces the coordination cost between teams: fewer hand-offs, clearer interfaces, ownership that matches the architecture.",
      "Leads migrations that span many teams to completion, with a plan each team can follow on its own.",
      "Is the technical point of contact between teams and with product, security and operations.",
    ],
    "capability-building": [
      [
        "Turns areas that depend on one expert into areas a team owns.",
        "new authors and reviewers in the area over a quarter",
        "the area's truck factor rising",
      ],
      "Builds tools, templates or paved paths that several teams adopt.",
      "Grows senior engineers: people they mentor go on to own systems.",
    ],
    "strategic-impact": [
      "Shapes the technical roadmap of several teams around business outcomes.",
      "Finds the technical investments with the largest return and makes the case in cost, risk and time.",
      "Says no to work that does not serve the outcome, and explains why.",
    ],
    craft: [
      "Is the recognised authority in a technical domain that matters to several teams.",
      "Improves reliability, security or performance across systems, not only their own.",
      "Reviews other teams' designs and raises the bar without blocking them.",
    ],
    communication: [
      "Writes documents that change what several teams do: strategies, proposals, incident reviews.",
      "Explains technical trade-offs to non-technical leaders in business terms.",
      "Shares what they learn across teams: talks, write-ups, office hours.",
    ],
  },

  // Senior Staff Engineer — scope: outcomes across teams. Peer of Director of Engineering.
  "senior-staff": {
    execution: [
      "Owns outcomes at the level of a product line or a platform that many teams use.",
      "Starts efforts bigger than they can finish alone, and sets them up to finish without them.",
      "Steps into failing programmes and changes their course.",
    ],
    "decision-making": [
      "Makes or guides the group's most consequential technical decisions (platforms, vendors, build or buy) and records them.",
      "Establishes how a group makes and records decisions, so that fewer are made by one person alone.",
      "Revisits decisions whose context has changed and retires those that no longer hold.",
    ],
    coordination: [
      "Aligns several groups on a shared technical direction and keeps them aligned as plans change.",
      "Redraws service, ownership or team boundaries that cause recurring coordination cost.",
      "Resolves technical conflicts between groups without escalating to management.",
    ],
    "capability-building": [
      "Builds the group's technical leadership: staff engineers and tech leads who grew with their help.",
      "Creates the ways knowledge spreads across the group: design reviews, guilds, rotations.",
      "Hands the areas they led to others, and those areas keep going without them.",
    ],
    "strategic-impact": [
      "Writes a group's technical strategy and ties it to the company's goals.",
      "Spots business opportunities that technology opens up and brings them to leadership.",
      "Weighs cost, risk and time across the group's whole portfolio, not one project at a time.",
    ],
    craft: [
      "Is an authority in their domain inside and outside the company.",
      "Sets technical standards the group follows because they work, not because they are enforced.",
      "Finds the shared causes behind recurring incidents and gets them fixed.",
    ],
    communication: [
      "Explains the technical direction well enough that engineers act on it without asking them.",
      "Represents engineering in company-level discussions.",
      "Delivers hard messages (stop this project, accept this risk) clearly and with evidence.",
    ],
  },

  // Principal Engineer — scope: outcomes across the organisation. Peer of Senior Director.
  principal: {
    execution: [
      "Answers for technical outcomes across the engineering organisation.",
      "Sees efforts of several years through, adjusting scope as the business changes.",
      "Chooses the few efforts they lead themselves, and delegates the rest.",
    ],
    "decision-making": [
      "Makes the organisation's hardest technical decisions, with records whose reasoning still reads years later.",
      "Decides what must be decided centrally and what teams decide alone.",
      "Corrects course openly when a big decision proves wrong.",
    ],
    coordination: [
      "Shapes architecture and organisation together, so that teams can work with few dependencies.",
      "Aligns engineering with other functions and outside partners on long-term direction.",
      "Settles disputes across the organisation on technical grounds.",
    ],
    "capability-building": [
      "Raises how the whole organisation designs, reviews, operates and learns.",
      "Develops the next senior staff and principal engineers.",
      "Makes their own expertise unnecessary in the areas they led: others now lead them.",
    ],
    "strategic-impact": [
      "Sets technical strategy with the executive team, and the company's plans reflect it.",
      "Connects technology bets to the company's market position, cost base and risk.",
      "Is consulted before business decisions that depend on technology.",
    ],
    craft: [
      "Is recognised in the wider industry for work in their domain.",
      "Defines what good engineering means at the company, and it shows in the systems.",
      "Makes the platform as a whole more reliable, secure or fast.",
    ],
    communication: [
      "Explains strategy to the whole organisation and to the board or its equivalent.",
      "Writes the documents the organisation keeps coming back to.",
      "Draws senior people to join through their reputation and writing.",
    ],
  },
};
