/**
 * Hereford & Worcester's areas for improvement and action plans, transcribed from the service's
 * HMICFRS Improvement Plan 2018/19 as updated in January 2021 (seed `hwfrs-improvement-plan-2021-01.txt`).
 *
 * The plan's sections are kept as written (question reference, "Area for Improvement", "Summary
 * Finding", the proposed actions with their progress and target) and turned into `AreaForImprovement`
 * and `ActionPlan` records below. Rows of the plan that continue the action above them (an empty
 * "Action Proposed" cell) become actions of their own with the same description. A target written as
 * a month ("Mar 2021") is read as the last day of that month, with status Ongoing; the plan's
 * targets are from 2021, so the open areas show as long overdue on the demo's date.
 */
import type { ActionPlan, ActionStatus, AreaForImprovement, AfiStatus, LocalDate } from '../domain/records';
import { demoPeople } from './people';

/** One action row of the improvement plan. */
export interface ImprovementPlanAction {
  description: string;
  progress?: string;
  status: ActionStatus;
  targetDate?: LocalDate;
  /** The plan's "Target Date" cell as written, e.g. `Complete`, `Mar 2021`. */
  targetAsWritten: string;
}

/** One section of the improvement plan: an area for improvement and the actions against it. */
export interface ImprovementPlanSection {
  questionRef: string;
  areaForImprovement: string;
  summaryFinding: string;
  strategicLead: string;
  actions: ImprovementPlanAction[];
}

/** The plan's sections in the order they appear in the seed. */
export const hwfImprovementPlanSections: ImprovementPlanSection[] = [
  {
    questionRef: 'ES1.1',
    areaForImprovement:
      'The Service should ensure its firefighters have good access to relevant and up-to-date risk information.',
    summaryFinding:
      'The Service is good at understanding the risk of fire and other emergencies. Its plan to manage risk is based on a range of information. However, mobile computer systems are not updated fast enough with this risk information. The Service recognises this and has plans in place to address this.',
    strategicLead: 'Head of Operational Support',
    actions: [
      {
        description:
          'Provide an Intel Risk Management system that can provide risk Intel for end users with the least delay in gathering data to getting data on to the Mobile Data Terminal (MDT).',
        progress:
          'The quality of Intel gathering and support to Operational crews has been reviewed, a guidance document on the Intel process has been publicised in the Service Bulletin. SMB have approved a new project to consider a full replacement of the Intel system, linked to a new Fire Control project, to use a new platform linked to mobilising and fire safety data. MDT installation programme completed Dec 2020.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description:
          "Train and mentor other members in Operational Policy to understand the Risk Information and Mapping Manager's role.",
        progress:
          'Training and mentoring of Ops Policy Staff to develop resilience for the Intel processing work of the Risk Information and Mapping Data Manager is ongoing. One Watch Commander fully trained and the rest of the department have a broad understanding of the role.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Roll out training aids & guidance for operational staff on use of new MDTs',
        progress:
          'Training sessions have been delivered to staff. Installation of the new MDTs complete. User guides published on SharePoint and a refresher presentation has been added to Competency Tracker Record (CTR) to be reviewed every 2 years.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Deliver new MDTs to operational appliances/ vehicles.',
        progress:
          'New MDTs have been procured and testing had commenced to meet the March 2020 completion date, but due to the flooding major incident during February and the Covid-19 outbreak this was delayed, roll out completed Dec 2020.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Review operational intelligence gathering/ updating process.',
        progress:
          'This review will look at the process in its entirety and identify any inefficiencies and areas where further improvements can be made. Q3 2020-21: Money has been allocated to a new operational intel process, but this will be included in the specification for the next command and control tender process in approximately 18 months time.',
        status: 'deferred',
        targetAsWritten: 'Deferred',
      },
      {
        description:
          'Prioritise the processing and uploading of most urgent operational intelligence updates.',
        progress:
          'The newly installed MDTs are fully compatible with the updated command and control software and will be able to transfer large data (such as mapping) remotely and as and when required.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
    ],
  },
  {
    questionRef: 'ES1.4',
    areaForImprovement:
      'The Service should ensure staff understand how to identify vulnerability and safeguard vulnerable people.',
    summaryFinding:
      'The Service has extended its home fire safety checks to include questions about vulnerable people. Further training is needed to give staff more confidence in this process.',
    strategicLead: 'Head of Community Risk and HRD',
    actions: [
      {
        description: 'a. All staff to complete the Safeguarding e-learning package.',
        progress:
          'All staff have access to the online E-learning package, due be completed by end September 2019. At the end of Q4, 524 staff (77%) have now completed this training whilst 160 (23%) staff are still required to complete the package and update their CTR record. Outstanding training for staff is now reviewed as part of the Operational Assurance Report and emails have been sent to Managers identifying the relevant personnel. Q1 89% complete districts to chase those outstanding. Q3 2020-21: Community Risk now has procedures in place to regularly monitor the e-learning package and to follow up on any that are outstanding.',
        status: 'ongoing',
        targetDate: '2021-03-31',
        targetAsWritten: 'Mar 2021',
      },
      {
        description: 'b. Human Resources staff should be trained in safer recruiting.',
        progress: 'Four recruitment officers have completed principles of safer recruitment training.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'c. Safeguarding training included in L1 Command training.',
        progress:
          'In the Level 1 incident command assessments, additional questions have been added to confirm understanding of safeguarding.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description:
          'd. Continue to work with Operational Crews and how they can report concerns to Community Risk.',
        progress:
          'Community Risk staff have now visited all Wholtime watches and district teams prior to the roll out of the new safe and well check. 24 visits have been completed and covered Vulnerability, safeguarding and signposting.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'e. Station Skills audits checking all staff are trained to the appropriate level.',
        progress:
          'As part of the 2020-21 Station Assurance Audit, questions regarding safeguarding are now included and will be reviewed on completion of this process.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'f. Additional training for Managers.',
        progress:
          "Domestic Abuse training was delivered in September 2019 via Training & Development Centre. 55 staff from across the Service completed this training. An additional 6 sessions were booked for March 2020 for Level 1 Commanders. Due to Covid-19 this training has been postponed. Q3 2020-21: 3 training sessions have been completed with the rest postponed again due to Covid-19 and Lockdown 3. These will be programmed in when it's safe to do so. The external provider is reluctant to deliver this remotely due to the loss of impact.",
        status: 'deferred',
        targetAsWritten: 'Deferred',
      },
      {
        description: 'f. Additional training for Managers.',
        progress:
          "Statutory safeguarding training for middle managers and the service lead has commenced. Basic Adults safeguarding training took place on 10th Dec 20. Mop up session booked for 25th Jan 21. Children's Safeguarding training booked for 11th Jan 21. Recognising, Responding and Report Adult Safeguarding training booked for 1st Feb Q3 2020-21: The outstanding courses will be completed remotely.",
        status: 'ongoing',
        targetDate: '2021-02-28',
        targetAsWritten: 'Feb 21',
      },
    ],
  },
  {
    questionRef: 'ES1.5',
    areaForImprovement:
      'The Service should evaluate its prevention work, so it understands the benefits better.',
    summaryFinding: 'The Service should also ensure it evaluates all its prevention work.',
    strategicLead: 'Head of Community Risk and HRD',
    actions: [
      {
        description: 'Evaluation of Safe & Well GP referral pilot.',
        progress:
          'Safe and Well GP referral pilot evaluation (March 2019) has shown that the actions of the Fire Service, through GP referrals, have had a positive effect on reducing future interventions. As a result, this programme is being rolled out across Worcestershire. Q3 2020-21: This initiative has now been implemented across Worcestershire. Discussions around extending it to Herefordshire will commence in Apr 21.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Evaluation of Safe & Well Check.',
        progress:
          'The Safe and Well evaluation tender was awarded to the University of Worcester. The evaluation report has been received and presented to the partner agencies and the community risk department and to SMB.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Evaluation of Safe & Well Check.',
        progress:
          'Questions have been added to the Safe and Well Check about how beneficial the check has been and the suitability of those receiving the check (at risk persons). The questions are now live and reports can be run from CFRMIS',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Evaluation of Safe & Well Check.',
        progress:
          'An evaluation is being developed, in digital and paper versions, which will be sent out to recipients of the Safe & Well Check to evaluate performance of the teams and information retention. Q3 2020-21: Evaluation form ready to roll out. A system of recording the responses has been set up on Survey Monkey. Relevant CR staff have been informed of the process. Pre-paid envelopes were printed by West Mercia Police. Go live 1st February 2021.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Evaluation of Safe & Well Check.',
        progress:
          'A questionnaire has been developed to demonstrate information retention and behavioural change that can be completed when replacing faulty smoke alarms. This questionnaire is now live and on CFRMIS',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Evaluation of Dying2Drive.',
        progress:
          'Agilysis has completed its evaluation of Dying2Drive. The final evaluation report has now been received and contents will be used to improve the delivery of Dying2Drive. The 2020/21 programme has been postponed due to concerns raised by the schools due to Covid-19.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Evaluation of MORSE.',
        progress:
          'MORSE commenced in October 2019 and evaluation proposals were submitted by external companies. The tender has now been assigned and evaluation is now progressing. Q3 2020-21: An interim evaluation report was conducted by eDriving Solutions Ltd. and delivered at the end of January 2021.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'PHD student placement within HWFRS.',
        progress:
          "Discussions are ongoing with University of Worcester around the placement of a PHD Student within the Service. The focus of the research will be around the Service's effectiveness in dealing with vulnerability within the community. Q3 2020-21: Placed on hold due to covid. HWFRS explored this option, unfortunately this was time bound and will be re-visited later in the year.",
        status: 'deferred',
        targetAsWritten: 'Deferred',
      },
      {
        description: 'Evaluation of Safety Audits.',
        progress:
          'The Protection team have developed a questionnaire using Survey Monkey to evaluate audits carried out. This model will be utilised incrementally for future Community Risk work. Q3 2020-21: Set up and included on all TFS letters to the Responsible Person',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
    ],
  },
  {
    questionRef: 'EY1.4',
    areaForImprovement: 'The Service should assure itself that its workforce is productive.',
    summaryFinding:
      "Progress made in the Service's prevention work is likely to increase workloads in other areas. We found that specialist prevention officers already have a lot of work to do. This is a risk. The Service should review the situation and consider how to deal with this problem.",
    strategicLead: 'Head of Community Risk and HRD',
    actions: [
      {
        description:
          'Implementation of Community Risk Plans 2020/2021: Accidental Dwelling Fires Deliberate Fires Health and Well Being Road Traffic Collisions.',
        progress:
          "These plans are currently in draft. A Strategic CRMP Workshop took place in January 2019 where a common definition of risk was agreed with Shropshire FRS. The updated plans are drafted and awaiting SMB sign off. Progress against the plans will be reviewed on a quarterly basis once they have gone live. Due to flooding events in February affecting staff availability and the current situation with Covid-19, the sign off of these documents has been delayed. Q3 2020-21: SMB have approved the need for an overarching Prevention and Protection Strategies. These documents will incorporate the previously drafted plans and align with aims identified within the Service's CRMP 2021-2025. These documents are currently being drafted.",
        status: 'ongoing',
        targetDate: '2021-04-30',
        targetAsWritten: 'April 2021',
      },
      {
        description:
          'We want to clear the backlog we have for the specialist prevention officers and allocate sufficient resources to prevention.',
        progress:
          'As a result of the SMB paper (December 2018) additional budget has been allocated in 2019/2020 to fund additional posts in Community Risk.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description:
          'We want to clear the backlog we have for the specialist prevention officers and allocate sufficient resources to prevention.',
        progress:
          'Two Community Risk Technicians have been appointed and are now in position taking the total number of technicians within the Service to 4.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description:
          'We want to clear the backlog we have for the specialist prevention officers and allocate sufficient resources to prevention.',
        progress:
          'To support the MORSE initiative, an additional Watch Commander and Technician have joined the department. These positions are funded through the PCC budget allocation.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Periodic review of progress against back log for Technicians',
        progress:
          'A quarterly report is being developed to review the number of outstanding jobs for the Community Risk Technicians. Q3 2020-21: This report is now being produced on a quarterly basis and will assist in monitoring workloads now that all technicians have been appointed. It also includes a review of the number of faulty alarms being attended by crews and those attended by crews.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
    ],
  },
  {
    questionRef: 'EY1.6',
    areaForImprovement: 'The Service should assure itself that its workforce is productive.',
    summaryFinding:
      "The Service's fire protection programme of work is risk-based and is increasingly targeted at sites where the risk to community and firefighter safety is greatest. However, this better targeting of protection activity means that inspections are leading to more enforcement and follow-up activity. This affects the workloads of other staff and could soon lead to current resourcing levels becoming stretched.",
    strategicLead: 'Head of Community Risk and HRD',
    actions: [
      {
        description:
          'We want to clear the backlog we have for the specialist protection officers and allocate sufficient resources to allow successful enforcement and follow up activity.',
        progress:
          'As a result of the SMB paper (December 2018) additional budget has been allocated in 2019/2020 to fund additional posts in Community Risk.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description:
          'We want to clear the backlog we have for the specialist protection officers and allocate sufficient resources to allow successful enforcement and follow up activity.',
        progress:
          "Q3 2020-21: Community Risk WC positions currently filled. 2 T/WC's substantiated following the WC process in Jan 2021.",
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description:
          'We want to clear the backlog we have for the specialist protection officers and allocate sufficient resources to allow successful enforcement and follow up activity.',
        progress:
          'Investigations are underway to determine suitability of an Apprentice Business Fire Safety Auditor for HWFRS. Delayed due to Covid-19. Q3 2020-21: This action is delayed as no external agency is available to quality assure the training.',
        status: 'deferred',
        targetAsWritten: 'Deferred',
      },
      {
        description:
          'We want to clear the backlog we have for the specialist protection officers and allocate sufficient resources to allow successful enforcement and follow up activity.',
        progress:
          "Budget has been allocated to upskill WC's towards the NFCC competence framework for inspecting providing further resilience and succession planning for the TFS Department. It is now the ambition of the Service to upskill all operational staff inline with the NFCC competence framework for inspecting. Q3 2020-21: SMB have approved the delivery of Fire Safety (FS) training to all levels with a long term plan to deliver the training internally. 11 Staff started the L4 FS Diploma in December 2020 and are due to complete by the end of 2021. Once appointed in March 2021 station based WC's will complete a L3 FS Certificate in 2021/22. Status in the plan: Complete (staff identified and courses booked).",
        status: 'complete',
        targetAsWritten: 'Complete (staff identified and courses booked)',
      },
      {
        description: 'Introduce new Business Safety Plan.',
        progress:
          'The 2020 Business Safety Plan has now been adopted by the Service and is in operation within the Business Fire Safety Team',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Monitor Progress against targets within the Business Safety Plan.',
        progress:
          "At the end of Q4 the number of completed audits was 766/750. Intelligence led audits figures were 533/204, the increase being due to targeted enforcement activity. However, the number of Risk Based Audits was 233/345. Some audits have been started, but were not able to be completed prior to the end of the financial year. Any remaining very high, high and sleeping risks that were not inspected have been prioritised in the 2020/21 audit strategy. The inability to achieve some of the targets is due to a number of trained staff leaving the organisation. This has impacted on the team's workload, which includes establishing prosecution procedures and training and support for other departments. Intelligence Led Audits have led to an increase in identifying non-compliance and a subsequent increase in enforcements; this has also impacted on the RBAP. Since Q4 of 2019/20 COVID-19 has adversely impacted the number of completed enforcement visits (audits). A report is run quarterly to monitor progress against the targets set within the Business Safety Plan. This includes the number of actions required as a result of inspections delivered. Q3 2020-21: Progress against the Business Safety Plan (HWFRS BFS Audit Strategy 2020/2021) is completed every quarter and progress reports are available at F:\\Technical Fire Safety\\TFS Staff Shared Information\\RBAP\\RBAP 2020 – 2021. Intelligent led audit programme (ILAP) planned for Worcester City Centre has been postponed due to Covid. The risk based audit programme (RBAP) is on track utilising desktop audits.",
        status: 'ongoing',
        targetAsWritten: 'Ongoing',
      },
    ],
  },
  {
    questionRef: 'P1.8',
    areaForImprovement:
      'The Service should put in place an open and fair process to identify, develop and support high-potential staff and aspiring leaders.',
    summaryFinding: 'The Service should improve how it manages performance and develops leaders.',
    strategicLead: 'Head of Community Risk and HRD',
    actions: [
      {
        description:
          'Ensure specific development actions are being captured as part of the review of the appraisal process/policy.',
        progress:
          'A bulletin item was published reminding staff that appraisals need to be carried out and the process through which courses can be requested.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description:
          'Ensure specific development actions are being captured as part of the review of the appraisal process/policy.',
        progress:
          'Appraisals completion has been affected by COVID-19. A bulletin item was published to update staff and an email sent to managers communicating flexibility around completion dates and update them regarding CPD payments. Q3 2020-21: Members of the HR team will be reviewing appraisal returns to identify any shortfalls.',
        status: 'ongoing',
        targetAsWritten: 'Ongoing',
      },
      {
        description:
          'Building on the success of the Crew Commanders promotion process create toolkit for promotion/recruitment events.',
        progress:
          'Toolkit templates for each stage of the promotion process available in HR to support Service Delivery e.g. advert template, candidate guidance, shortlisting matrix, etc. Updates on progress through each promotion process have been provided through regular bulletin items.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Review promotion policy and recruitment policy to support implementation.',
        progress:
          'The outcome of the promotion process debrief has now been completed. The promotion principles have been revised and used during the GC promotion process in March 2020. The promotion policy has been approved and is now live.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Review promotion policy and recruitment policy to support implementation.',
        progress:
          'Recruitment policies have completed formal consultation. Currently in the process of responding to feedback. The recruitment policy has been approved by SMB and is now live.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description:
          'Implement the NFCC Leadership Framework and the leadership behaviours as assessment criteria for promotion processes.',
        progress:
          'The NFCC Leadership Framework was used in all the promotional process during 2020 and is now embedded in the Service. Q3 2020-21: To support development a Service learning and development plan is going to SMB in Q4 2021.',
        status: 'ongoing',
        targetDate: '2021-03-31',
        targetAsWritten: 'Mar 21',
      },
      {
        description: 'Look into providing coaching and mentoring courses to managers.',
        progress:
          "Three places on an initial coaching course were offered to ODCG members in collaboration with Shropshire FRS. Feedback has been provided to inform future options within HWFRS. Q3 2020-21: Virtual training sessions, Coaching Skills for Managers, were held for staff who will coach and mentor the newly appointed Watch Commander 'A's. So far 90 members of staff from throughout the organisation have attended over 8 sessions with 2 further sessions to come in the next month. The Service is tied into the NFCC coaching and mentoring work stream and when they publish their guides later in the year this will form our coaching plan going forward.",
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Look into providing coaching and mentoring courses to managers.',
        progress:
          'Consultation on the coaching and mentoring roadmap paper has finished and is with the ODCG group for consideration; this will inform the SMB paper outlining the implementation of coaching and mentoring within the Service.',
        status: 'ongoing',
        targetDate: '2021-02-28',
        targetAsWritten: 'Feb 2021',
      },
      {
        description: 'Continue to have a regular workforce planning meeting.',
        progress:
          'Workforce Planning Meetings scheduled every 6 weeks and include succession planning. Terms of reference have been approved',
        status: 'ongoing',
        targetAsWritten: 'Ongoing',
      },
    ],
  },
  {
    questionRef: 'P1.12',
    areaForImprovement:
      'The Service should put in place an open and fair process to identify, develop and support high-potential staff and aspiring leaders.',
    summaryFinding:
      'The Service should do more to make sure staff are confident in the promotion process. It is not as open as it could be.',
    strategicLead: 'Head of Community Risk and HRD',
    actions: [
      {
        description: 'Form promotion process group to review structure of all processes.',
        progress:
          'Following feedback from the Cultural Review and HMICFRS inspection, the Promotion Process group was formed to review the structure of all processes. This group has outlined a consistent approach to all promotion processes. The purpose of this group has been communicated to all staff via the Bulletin.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Formalise independent scrutiny of promotion process.',
        progress:
          'The terms of reference have now been agreed for this element of the promotion process. A scrutiny panel will now be part of every promotion process.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description:
          'Building on the success of the Crew Commanders promotion process create toolkit for future promotion / recruitment events.',
        progress:
          'Toolkit templates for each stage of the promotion process are available in HR to support Service Delivery e.g. advert template, candidate guidance, shortlisting matrix, etc. Updates on progress through each promotion process have been provided through regular Bulletin items.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Continue combined working with operational staff and leaders.',
        progress:
          'All promotion processes are Service Delivery led with advice and guidance from HR. There is a nominated Service Delivery lead for each promotion process.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description:
          'Agree Recruitment and Promotions Charter and update associated policies is agreed and promoted.',
        progress:
          'The outcome of the promotion process debrief has now been completed. The promotion principles were revised and used during the Group Commander promotion process in March 2020 and Station Commander process August 2020. Q3 2020-21: The policy has been approved and is now live.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description:
          'Agree Recruitment and Promotions Charter and update associated policies is agreed and promoted.',
        progress:
          'Recruitment policies have completed formal consultation and responses were feedback to. Q3 2020-21: The policy has been approved and is now live.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description:
          'Continue to develop positive relations with Representative Bodies as observers in key processes.',
        progress:
          'These relationships have been established Representative Bodies who are now utilised as part of the part of the scrutiny panel.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
      {
        description: 'Ensure post process debriefs are conducted to capture learning.',
        progress:
          'Feedback will now be collected with specific reference to each stage of the process, rather than at the end of the process for candidates who have attended the selection day. This will enable collation of feedback from the early stages, for example Application Form, right through to the final stages.',
        status: 'complete',
        targetAsWritten: 'Complete',
      },
    ],
  },
];

/** When the demo areas for improvement were entered in the bot (imported from the Monitoring Portal). */
const importedAt = '2025-04-01T08:00:00Z';

/** Where each area stands in the demo; ES1.1 was found again at the 2026 inspection (§27). */
const afiProgress: Record<
  string,
  Pick<
    AreaForImprovement,
    'status' | 'completedAt' | 'completedBy' | 'closedAt' | 'closedBy' | 'updatedAt' | 'updatedBy'
  >
> = {
  'ES1.1': { status: 'open', updatedAt: '2026-10-30T12:10:00Z', updatedBy: demoPeople.sll.objectId },
  'ES1.5': {
    status: 'complete',
    completedAt: '2025-06-10T14:00:00Z',
    completedBy: demoPeople.sll.objectId,
    updatedAt: '2025-06-10T14:00:00Z',
    updatedBy: demoPeople.sll.objectId,
  },
  'P1.12': {
    status: 'closed',
    completedAt: '2025-06-10T14:05:00Z',
    completedBy: demoPeople.sll.objectId,
    closedAt: '2025-06-24T10:30:00Z',
    closedBy: demoPeople.cos.objectId,
    updatedAt: '2025-06-24T10:30:00Z',
    updatedBy: demoPeople.cos.objectId,
  },
};

/** The latest target among the actions not yet complete: when the service expects to be done. */
function latestOpenTarget(section: ImprovementPlanSection): LocalDate | undefined {
  const targets = section.actions
    .filter((action) => action.status !== 'complete')
    .flatMap((action) => (action.targetDate ? [action.targetDate] : []))
    .sort();
  return targets.at(-1);
}

const openStatus: AfiStatus = 'open';

/** Hereford & Worcester's areas for improvement, `HWF-AFI-1` to `HWF-AFI-7` in the plan's order. */
export const hwfAreasForImprovement: AreaForImprovement[] = hwfImprovementPlanSections.map(
  (section, index) => ({
    id: `HWF-AFI-${String(index + 1)}`,
    serviceCode: 'HWF',
    questionRef: section.questionRef,
    text: section.areaForImprovement,
    finding: section.summaryFinding,
    targetDate: latestOpenTarget(section),
    sll: demoPeople.sll.objectId,
    cos: demoPeople.cos.objectId,
    createdAt: importedAt,
    createdBy: demoPeople.sll.objectId,
    status: openStatus,
    updatedAt: importedAt,
    updatedBy: demoPeople.sll.objectId,
    ...afiProgress[section.questionRef],
  }),
);

/** The service's action plan for each of those areas, with the plan's statuses and targets. */
export const hwfActionPlans: ActionPlan[] = hwfImprovementPlanSections.map((section, index) => ({
  subjectId: `HWF-AFI-${String(index + 1)}`,
  serviceCode: 'HWF',
  actions: section.actions.map((action, actionIndex) => ({
    id: String(actionIndex + 1),
    description: action.description,
    owner: section.strategicLead,
    targetDate: action.targetDate,
    status: action.status,
    progress: action.progress,
  })),
}));
