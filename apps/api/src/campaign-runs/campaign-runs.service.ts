import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { auditCampaign, findCampaign } from '../campaigns/campaign-store';
import { journeyAddressOf } from '../enrollment/journey-address';
import { problems, ProblemException } from '../http/problem';
import type { ListContactJourneysQuery, ListEnrollmentsQuery, LiveJourney } from './enrollment.schemas';
import {
  contactEnrollments,
  listContactJourneys,
  listEnrollments,
  toEnrollmentView,
} from './enrollment-store';
import { JourneyControl } from './journey-control';

/** A campaign's journeys: the stored enrollments and step events, and the running workflows behind them. */
@Injectable()
export class CampaignRunsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly journeys: JourneyControl,
  ) {}

  async list(principal: Principal, campaignId: string, query: ListEnrollmentsQuery) {
    await findCampaign(this.db.manager, principal.workspaceId, campaignId);
    return listEnrollments(this.db.manager, principal.workspaceId, campaignId, query);
  }

  /** The contact's journeys in every campaign, newest first (404 for a contact not in the workspace). */
  async contactJourneys(principal: Principal, contactId: string, query: ListContactJourneysQuery) {
    await this.requireContact(principal.workspaceId, contactId);
    return listContactJourneys(this.db.manager, principal.workspaceId, contactId, query);
  }

  /** "Where is this contact": every enrollment with its recorded path; the running one with its live status. */
  async contactJourney(principal: Principal, campaignId: string, contactId: string) {
    await findCampaign(this.db.manager, principal.workspaceId, campaignId);
    const enrollments = await contactEnrollments(
      this.db.manager,
      principal.workspaceId,
      campaignId,
      contactId,
    );
    if (enrollments.length === 0) await this.requireContact(principal.workspaceId, contactId);
    return {
      contactId,
      enrollments: await Promise.all(
        enrollments.map(async ({ row, path }) => {
          const live: LiveJourney =
            row.status === 'active'
              ? await this.journeys.liveStatus(journeyAddressOf(row))
              : { available: false, unavailableBecause: 'not_running' };
          return { ...toEnrollmentView(row), path, live };
        }),
      ),
    };
  }

  /**
   * Ends the contact's running journey in this campaign through the engine's own exit path: the journey is
   * signalled the `stopped` campaign state (for it alone), so it exits with reason `stopped` and records the exit
   * in its step events and enrollment row. The workflow finishes asynchronously; the audit log says who did it.
   */
  async cancel(principal: Principal, campaignId: string, contactId: string, comment: string | undefined) {
    await findCampaign(this.db.manager, principal.workspaceId, campaignId);
    const running = (
      await contactEnrollments(this.db.manager, principal.workspaceId, campaignId, contactId)
    ).filter(({ row }) => row.status === 'active');
    if (running.length === 0) {
      await this.requireContact(principal.workspaceId, contactId);
      throw problems.conflict('The contact has no running journey in this campaign', {
        type: 'urn:loa:problem:journey-not-running',
      });
    }
    const cancelled = [];
    for (const { row } of running) {
      try {
        await this.journeys.signalJourneyState(journeyAddressOf(row), 'stopped');
      } catch {
        throw new ProblemException(503, 'Temporal is unreachable: the journey was not cancelled; try again');
      }
      await auditCampaign(this.audit, this.db.manager, principal, campaignId, 'journey_cancelled', {
        contactId,
        enrollmentId: row.id,
        workflowId: row.workflow_id,
        ...(row.cohort_workflow_id !== null && { cohortWorkflowId: row.cohort_workflow_id }),
        ...(comment !== undefined && { comment }),
      });
      cancelled.push({ enrollmentId: row.id, workflowId: row.workflow_id });
    }
    return {
      cancelled,
      note: 'The journey exits with reason `stopped` as soon as its workflow handles the signal',
    };
  }

  private async requireContact(workspaceId: string, contactId: string): Promise<void> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM contacts WHERE id = $1 AND workspace_id = $2',
      [contactId, workspaceId],
    );
    if (rows.length === 0) throw problems.notFound('Contact');
  }
}
